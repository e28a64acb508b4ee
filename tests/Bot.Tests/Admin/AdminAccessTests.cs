using System.Net;
using System.Text.RegularExpressions;
using CitizenData.Bot.Admin;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace CitizenData.Bot.Tests.Admin;

/// <summary>
/// Every route under /api/admin, whichever feature mapped it, refuses a request without credentials (401) and a staff
/// member whose role it does not admit (403), and admits an admin.
/// </summary>
public sealed partial class AdminAccessTests
{
    [Fact]
    public async Task Every_admin_route_refuses_anonymous_callers_and_roles_it_does_not_admit()
    {
        await using var host = await AdminTestHost.StartAsync();
        var routes = AdminRoutes(host.Services);
        // Only the sign-in routes admit any staff member; every other route names its role.
        Assert.Equal(["/api/admin/logout", "/api/admin/me"], routes.Where(r => r.Roles.Count == 0).Select(r => r.Pattern).Order());
        var anonymous = host.Anonymous();
        var byRole = new Dictionary<string, HttpClient>();
        foreach (var role in StaffRoles.All)
            byRole[role] = await host.ClientForRoleAsync(role);

        var failures = new List<string>();
        foreach (var route in routes)
        {
            using (var response = await anonymous.SendAsync(route.Request()))
            {
                if (response.StatusCode != HttpStatusCode.Unauthorized)
                    failures.Add($"{route}: anonymous got {(int)response.StatusCode}");
                else if (response.Content.Headers.ContentType?.MediaType != "application/problem+json")
                    failures.Add($"{route}: 401 without problem details");
            }
            foreach (var (role, client) in byRole)
            {
                using var response = await client.SendAsync(route.Request());
                var admitted = route.Roles.Count == 0 || role == StaffRoles.Admin || route.Roles.Contains(role);
                if (!admitted && response.StatusCode != HttpStatusCode.Forbidden)
                    failures.Add($"{route}: {role} got {(int)response.StatusCode}, expected 403");
                if (admitted && response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden)
                    failures.Add($"{route}: {role} got {(int)response.StatusCode}, expected to be admitted");
            }
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    /// <summary>The admin routes that require sign-in, with the roles their policies name (empty: any staff member).</summary>
    private static List<AdminRoute> AdminRoutes(IServiceProvider services) =>
        services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Where(e => ("/" + e.RoutePattern.RawText?.TrimStart('/')).StartsWith(AdminApi.Prefix + "/", StringComparison.Ordinal))
            .Where(e => e.Metadata.GetMetadata<IAllowAnonymous>() is null)
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET"]).Select(method => new AdminRoute(
                method,
                "/" + e.RoutePattern.RawText!.TrimStart('/'),
                e.Metadata.GetOrderedMetadata<IAuthorizeData>().Select(a => a.Policy).Where(p => p is not null && StaffRoles.All.Contains(p)).Select(p => p!).ToHashSet())))
            .ToList();

    private sealed record AdminRoute(string Method, string Pattern, HashSet<string> Roles)
    {
        public HttpRequestMessage Request()
        {
            var path = RouteParameter().Replace(Pattern, "zz-missing");
            var request = new HttpRequestMessage(new HttpMethod(Method), path);
            if (Method is "POST" or "PUT" or "PATCH")
                request.Content = new StringContent("{}", System.Text.Encoding.UTF8, "application/json");
            return request;
        }

        public override string ToString() => $"{Method} {Pattern}";
    }

    [GeneratedRegex(@"\{[^}]+\}")]
    private static partial Regex RouteParameter();
}
