using System.Text.Encodings.Web;
using System.Text.Unicode;
using CitizenData.Bot.Admin.Auth;
using Microsoft.Extensions.WebEncoders;

namespace CitizenData.Bot.Admin.Dashboard;

/// <summary>
/// The CSO dashboard at <c>/admin</c>: server-rendered Razor Pages on the same services, roles and audit log as the
/// admin API. Every page needs a signed-in staff member (the login cookie); each page names the role it needs with
/// <c>[Authorize(Policy = StaffRoles.…)]</c>, and shows only what that member's role may do.
/// </summary>
public static class DashboardHostingExtensions
{
    public static IHostApplicationBuilder AddDashboard(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddHttpContextAccessor();
        // Pages are in six languages, two of them in Devanagari: write the letters, not a numeric entity for each.
        builder.Services.Configure<WebEncoderOptions>(options => options.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
        builder.Services.AddSingleton<DashboardTexts>();
        builder.Services.AddScoped<DashboardLocaliser>();
        builder.Services.AddRazorPages(options =>
        {
            options.RootDirectory = "/Admin/Dashboard/Pages";
            options.Conventions.AuthorizeFolder("/", StaffAuthentication.AnyStaffPolicy);
            options.Conventions.AllowAnonymousToPage("/SignIn");
            options.Conventions.AllowAnonymousToPage("/Status");
        })
        // Named, not found through the entry assembly: tests host the server inside the test runner.
        .AddApplicationPart(typeof(DashboardHostingExtensions).Assembly);
        return builder;
    }

    public static WebApplication MapDashboard(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        // A page a role may not open answers 403 with a page that says so (the status stays 403).
        app.UseWhen(
            context => DashboardPaths.IsDashboard(context.Request.Path),
            branch => branch.UseStatusCodePagesWithReExecute(DashboardPaths.Status, "?status={0}"));
        // Routing after that, so a re-executed request is routed to the status page (routing placed first by default
        // would leave it with the refused request's endpoint cleared: an empty 404).
        app.UseRouting();
        app.MapRazorPages();
        return app;
    }
}
