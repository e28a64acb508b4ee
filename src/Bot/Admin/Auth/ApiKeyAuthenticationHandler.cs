using System.Security.Claims;
using System.Text.Encodings.Web;
using CitizenData.Feedback.Storage;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace CitizenData.Bot.Admin.Auth;

/// <summary>
/// Authenticates <c>Authorization: Bearer &lt;api key&gt;</c> by the key's hash. The key is looked up on every request,
/// so a revoked key stops working at once.
/// </summary>
public sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    IStaffStore staff) : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (BearerToken(Request) is not { } key)
            return AuthenticateResult.NoResult();
        var stored = await staff.FindApiKeyByHashAsync(ApiKeySecrets.Hash(key), Context.RequestAborted);
        if (stored is null || stored.IsRevoked)
            return AuthenticateResult.Fail("Unknown or revoked API key.");
        var identity = new ClaimsIdentity(
            [
                new Claim(ClaimTypes.Name, StaffActor.ForApiKey(stored.Id)),
                new Claim(ClaimTypes.Role, stored.Role),
                new Claim(StaffActor.ApiKeyClaim, stored.Id),
            ],
            Scheme.Name);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), Scheme.Name));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.Headers.WWWAuthenticate = "Bearer";
        return base.HandleChallengeAsync(properties);
    }

    internal static string? BearerToken(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        return header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) && header.Length > 7 ? header[7..].Trim() : null;
    }
}
