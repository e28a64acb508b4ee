using System.Security.Claims;
using CitizenData.Bot.Admin.Accounts;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace CitizenData.Bot.Admin.Auth;

/// <summary>
/// Dashboard sign-in: <c>GET antiforgery</c> hands out the form token, <c>POST login</c> (a form, antiforgery-checked)
/// sets the login cookie, <c>POST logout</c> clears it, <c>GET me</c> says who is signed in.
/// </summary>
public static class SignInApi
{
    public static RouteGroupBuilder MapSignIn(this RouteGroupBuilder group)
    {
        ArgumentNullException.ThrowIfNull(group);
        group.MapGet("/antiforgery", Antiforgery).AllowAnonymous();
        group.MapPost("/login", LoginAsync).AllowAnonymous().ProducesProblem(StatusCodes.Status400BadRequest);
        // Cast: a handler taking only HttpContext would otherwise bind as a RequestDelegate and drop its result.
        group.MapPost("/logout", (Delegate)LogoutAsync);
        group.MapGet("/me", Me);
        return group;
    }

    public sealed record AntiforgeryToken(string FormFieldName, string? HeaderName, string RequestToken);

    public sealed record StaffMember(string Name, string? Role);

    private static Ok<AntiforgeryToken> Antiforgery(HttpContext context, IAntiforgery antiforgery)
    {
        var tokens = antiforgery.GetAndStoreTokens(context);
        return TypedResults.Ok(new AntiforgeryToken(tokens.FormFieldName, tokens.HeaderName, tokens.RequestToken!));
    }

    /// <summary>A form post (so the antiforgery token is checked); five wrong passwords lock the account.</summary>
    private static async Task<Results<Ok<StaffMember>, ProblemHttpResult>> LoginAsync(
        [FromForm(Name = "userName")] string userName,
        [FromForm(Name = "password")] string password,
        HttpContext context,
        StaffAccounts accounts)
    {
        var result = await accounts.SignInAsync(userName, password, context.RequestAborted);
        switch (result)
        {
            case { Outcome: SignInOutcome.SignedIn, Account: { } account }:
                await StaffSession.SignInAsync(context, account);
                return TypedResults.Ok(new StaffMember(account.UserName, account.Role));
            case { Outcome: SignInOutcome.LockedOut }:
                return TypedResults.Problem(
                    title: "Account locked",
                    detail: "Too many wrong passwords. Try again later or ask an admin to unlock the account.",
                    statusCode: StatusCodes.Status401Unauthorized,
                    type: "https://citizendata.org/problems/account-locked");
            default:
                return TypedResults.Problem(
                    title: "Wrong user name or password",
                    statusCode: StatusCodes.Status401Unauthorized,
                    type: "https://citizendata.org/problems/wrong-credentials");
        }
    }

    private static async Task<NoContent> LogoutAsync(HttpContext context)
    {
        await StaffSession.SignOutAsync(context);
        return TypedResults.NoContent();
    }

    private static Ok<StaffMember> Me(ClaimsPrincipal user) => TypedResults.Ok(new StaffMember(StaffActor.Name(user), StaffActor.Role(user)));
}
