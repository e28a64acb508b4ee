using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CitizenData.Bot.Admin;
using CitizenData.Bot.Admin.Auth;

namespace CitizenData.Bot.Tests.Admin;

public sealed class ApiKeyTests
{
    [Fact]
    public async Task A_key_is_shown_once_stored_hashed_and_stops_working_as_soon_as_it_is_revoked()
    {
        await using var host = await AdminTestHost.StartAsync();
        var admin = host.WithApiKey(AdminTestHost.AdminApiKey);

        using var created = await admin.PostAsJsonAsync("/api/admin/api-keys", new { name = "statistics office sync", role = StaffRoles.Analyst });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var body = await created.Content.ReadFromJsonAsync<JsonElement>();
        var key = body.GetProperty("key").GetString()!;
        var id = body.GetProperty("id").GetString()!;
        var stored = await host.Storage.Staff.GetApiKeyAsync(id);
        Assert.Equal(ApiKeySecrets.Hash(key), stored!.KeyHash);
        Assert.DoesNotContain(key, await admin.GetStringAsync("/api/admin/api-keys"), StringComparison.Ordinal);

        var machine = host.WithApiKey(key);
        var me = await machine.GetFromJsonAsync<JsonElement>("/api/admin/me");
        Assert.Equal(StaffRoles.Analyst, me.GetProperty("role").GetString());
        Assert.Equal(HttpStatusCode.Forbidden, (await machine.GetAsync("/api/admin/accounts")).StatusCode);

        Assert.Equal(HttpStatusCode.OK, (await admin.DeleteAsync($"/api/admin/api-keys/{id}")).StatusCode);

        using var refused = await machine.GetAsync("/api/admin/me");
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task An_unknown_key_is_refused()
    {
        await using var host = await AdminTestHost.StartAsync();
        Assert.Equal(HttpStatusCode.Unauthorized, (await host.WithApiKey("cdk_made-up").GetAsync("/api/admin/me")).StatusCode);
    }

    [Fact]
    public async Task Account_and_key_changes_are_in_the_audit_log_with_who_and_what()
    {
        await using var host = await AdminTestHost.StartAsync();
        var admin = host.WithApiKey(AdminTestHost.AdminApiKey);
        var adminKeyId = (await host.Storage.Staff.ListApiKeysAsync()).Single().Id;

        await admin.PostAsJsonAsync("/api/admin/accounts", new { userName = "juma", role = StaffRoles.Approver, password = "juma-password-1" });
        await admin.PutAsJsonAsync("/api/admin/accounts/juma", new { role = StaffRoles.Analyst });
        var key = await (await admin.PostAsJsonAsync("/api/admin/api-keys", new { name = "sync", role = StaffRoles.Analyst })).Content.ReadFromJsonAsync<JsonElement>();
        await admin.DeleteAsync($"/api/admin/api-keys/{key.GetProperty("id").GetString()}");
        await admin.DeleteAsync("/api/admin/accounts/juma");

        var audit = (await admin.GetFromJsonAsync<JsonElement>("/api/admin/audit")).EnumerateArray()
            .Where(e => e.GetProperty("actor").GetString() == StaffActor.ForApiKey(adminKeyId))
            .Select(e => e.GetProperty("action").GetString())
            .Reverse()
            .ToList();
        Assert.Equal(["account.create", "account.update", "apikey.create", "apikey.revoke", "account.delete"], audit);
    }

    [Fact]
    public async Task Invalid_account_and_key_requests_name_the_field()
    {
        await using var host = await AdminTestHost.StartAsync();
        var admin = host.WithApiKey(AdminTestHost.AdminApiKey);

        await AssertFieldProblemAsync(await admin.PostAsJsonAsync("/api/admin/accounts", new { userName = "x", role = "king", password = "long-enough-password" }), "role");
        await AssertFieldProblemAsync(await admin.PostAsJsonAsync("/api/admin/accounts", new { userName = "x", role = StaffRoles.Analyst, password = "short" }), "password");
        await AssertFieldProblemAsync(await admin.PostAsJsonAsync("/api/admin/api-keys", new { role = StaffRoles.Analyst }), "name");
    }

    [Fact]
    public async Task An_admin_cannot_take_away_their_own_admin_role_or_delete_their_own_account()
    {
        await using var host = await AdminTestHost.StartAsync();
        var admin = await host.SignedInClientAsync(AdminTestHost.AdminUser, AdminTestHost.AdminPassword);

        await AssertFieldProblemAsync(await admin.PutAsJsonAsync($"/api/admin/accounts/{AdminTestHost.AdminUser}", new { role = StaffRoles.Analyst }), "role");
        await AssertFieldProblemAsync(await admin.DeleteAsync($"/api/admin/accounts/{AdminTestHost.AdminUser}"), "userName");

        var account = await host.Storage.Staff.GetAccountAsync(AdminTestHost.AdminUser);
        Assert.Equal(StaffRoles.Admin, account?.Role);
        // Another admin may: nobody is left without an admin by it.
        var other = host.WithApiKey(AdminTestHost.AdminApiKey);
        using var demoted = await other.PutAsJsonAsync($"/api/admin/accounts/{AdminTestHost.AdminUser}", new { role = StaffRoles.Analyst });
        Assert.Equal(HttpStatusCode.OK, demoted.StatusCode);
    }

    internal static async Task AssertFieldProblemAsync(HttpResponseMessage response, string field)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), $"Expected an error for '{field}': {problem}");
    }
}
