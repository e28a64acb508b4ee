using CitizenData.Bot.Admin.Accounts;
using CitizenData.Bot.Admin.Audit;
using CitizenData.Bot.Admin.Auth;
using CitizenData.Bot.Admin.Campaigns;
using CitizenData.Bot.Admin.Exports;
using CitizenData.Bot.Admin.Reference;
using CitizenData.Bot.Admin.Submissions;
using CitizenData.Feedback.Privacy;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace CitizenData.Bot.Admin;

public static class AdminHostingExtensions
{
    /// <summary>
    /// Staff sign-in (login cookie or <c>Authorization: Bearer &lt;api key&gt;</c>), one authorization policy per staff
    /// role, antiforgery, problem details, the audit log, and the first-run account.
    /// </summary>
    public static IHostApplicationBuilder AddAdmin(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.AddOptions<AdminOptions>().BindConfiguration(AdminOptions.Section);
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(provider => provider.GetRequiredService<Feedback.Storage.IFeedbackStorage>().Staff);
        services.AddSingleton(provider => provider.GetRequiredService<Feedback.Storage.IFeedbackStorage>().Audit);
        services.AddSingleton<StaffAudit>();
        services.AddSingleton<StaffAccounts>();
        services.AddSingleton<StaffApiKeys>();
        services.AddSingleton<CampaignExport>();
        services.AddSingleton<SubmissionLabels>();
        services.AddSingleton<ReviewBacklog>();
        // After StorageInitializer (registered by AddStorage): the schema must exist first.
        services.AddHostedService<AdminInitializer>();

        services.AddProblemDetails();
        services.AddApiReference();
        services.AddAntiforgery(options =>
        {
            options.Cookie.Name = "citizendata.antiforgery";
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Strict;
        });

        // No default scheme: only the staff policies authenticate, so other modules' endpoints are untouched.
        services.AddAuthentication()
            .AddPolicyScheme(StaffAuthentication.Scheme, "Staff", options =>
                options.ForwardDefaultSelector = context => ApiKeyAuthenticationHandler.BearerToken(context.Request) is null
                    ? StaffAuthentication.CookieScheme
                    : StaffAuthentication.ApiKeyScheme)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(StaffAuthentication.ApiKeyScheme, null)
            .AddCookie(StaffAuthentication.CookieScheme);
        services.AddOptions<CookieAuthenticationOptions>(StaffAuthentication.CookieScheme)
            .Configure<IOptions<AdminOptions>>((options, admin) => StaffCookie.Configure(options, admin.Value));

        var authorization = services.AddAuthorizationBuilder()
            .AddPolicy(StaffAuthentication.AnyStaffPolicy, policy => policy
                .AddAuthenticationSchemes(StaffAuthentication.Scheme)
                .RequireAuthenticatedUser());
        foreach (var role in StaffRoles.All)
        {
            authorization.AddPolicy(role, policy => policy
                .AddAuthenticationSchemes(StaffAuthentication.Scheme)
                .RequireAuthenticatedUser()
                .RequireRole(StaffRoles.Admitted(role)));
        }
        return builder;
    }

    /// <summary>The sign-in middleware and the admin endpoints under <c>/api/admin</c>.</summary>
    public static WebApplication MapAdmin(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        // Empty 401/403/404 answers under /api/admin become RFC 9457 problem details.
        app.UseWhen(
            context => context.Request.Path.StartsWithSegments(AdminApi.Prefix, StringComparison.OrdinalIgnoreCase),
            branch => branch.UseStatusCodePages());
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseAntiforgery();

        app.MapAdminGroup()
            .MapSignIn()
            .MapAccounts()
            .MapAudit()
            .MapCampaigns()
            .MapSubmissions()
            .MapExports();
        app.MapApiReference();
        return app;
    }
}
