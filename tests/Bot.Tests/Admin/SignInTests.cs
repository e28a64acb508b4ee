using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CitizenData.Bot.Admin;

namespace CitizenData.Bot.Tests.Admin;

public sealed class SignInTests
{
    [Fact]
    public async Task The_first_admin_signs_in_with_the_configured_password_and_gets_a_secure_http_only_strict_cookie()
    {
        await using var host = await AdminTestHost.StartAsync();

        var (client, response) = await host.SignInAsync(AdminTestHost.AdminUser, AdminTestHost.AdminPassword);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var cookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("citizendata.staff=", StringComparison.Ordinal)).ToLowerInvariant();
        Assert.Contains("secure", cookie, StringComparison.Ordinal);
        Assert.Contains("httponly", cookie, StringComparison.Ordinal);
        Assert.Contains("samesite=strict", cookie, StringComparison.Ordinal);
        var me = await client.GetFromJsonAsync<JsonElement>("/api/admin/me");
        Assert.Equal("admin", me.GetProperty("name").GetString());
        Assert.Equal(StaffRoles.Admin, me.GetProperty("role").GetString());
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/admin/accounts")).StatusCode);

        Assert.Equal(HttpStatusCode.NoContent, (await client.PostAsync("/api/admin/logout", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/admin/me")).StatusCode);
    }

    [Fact]
    public async Task A_login_form_without_the_antiforgery_token_is_refused()
    {
        await using var host = await AdminTestHost.StartAsync();
        using var response = await host.Anonymous().PostAsync("/api/admin/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["userName"] = AdminTestHost.AdminUser,
            ["password"] = AdminTestHost.AdminPassword,
        }));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.DoesNotContain(response.Headers.TryGetValues("Set-Cookie", out var cookies) ? cookies : [], c => c.StartsWith("citizendata.staff=", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Five_wrong_passwords_lock_the_account_until_an_admin_unlocks_it()
    {
        await using var host = await AdminTestHost.StartAsync();
        await host.CreateAccountAsync("wanjiru", "wanjiru-password-1", StaffRoles.Analyst);

        for (var i = 0; i < 4; i++)
            Assert.Equal(HttpStatusCode.Unauthorized, (await host.SignInAsync("wanjiru", "wrong-password")).Response.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await host.SignInAsync("wanjiru", "wanjiru-password-1")).Response.StatusCode); // four do not lock; success resets
        for (var i = 0; i < 5; i++)
            Assert.Equal(HttpStatusCode.Unauthorized, (await host.SignInAsync("wanjiru", "wrong-password")).Response.StatusCode);

        var (_, locked) = await host.SignInAsync("wanjiru", "wanjiru-password-1");
        Assert.Equal(HttpStatusCode.Unauthorized, locked.StatusCode);
        var problem = await locked.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Account locked", problem.GetProperty("title").GetString());

        var admin = host.WithApiKey(AdminTestHost.AdminApiKey);
        var accounts = await admin.GetFromJsonAsync<JsonElement>("/api/admin/accounts");
        Assert.True(accounts.EnumerateArray().Single(a => a.GetProperty("userName").GetString() == "wanjiru").GetProperty("locked").GetBoolean());
        Assert.Equal(HttpStatusCode.OK, (await admin.PutAsJsonAsync("/api/admin/accounts/wanjiru", new { unlock = true })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await host.SignInAsync("wanjiru", "wanjiru-password-1")).Response.StatusCode);
    }

    [Fact]
    public async Task A_locked_or_deleted_account_loses_its_signed_in_session()
    {
        await using var host = await AdminTestHost.StartAsync();
        await host.CreateAccountAsync("amina", "amina-password-1", StaffRoles.Analyst);
        var session = await host.SignedInClientAsync("amina", "amina-password-1");
        Assert.Equal(HttpStatusCode.OK, (await session.GetAsync("/api/admin/me")).StatusCode);

        var admin = host.WithApiKey(AdminTestHost.AdminApiKey);
        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync("/api/admin/accounts/amina")).StatusCode);

        Assert.Equal(HttpStatusCode.Unauthorized, (await session.GetAsync("/api/admin/me")).StatusCode);
    }

    [Fact]
    public async Task Without_an_initial_password_one_is_generated_and_works()
    {
        await using var host = await AdminTestHost.StartAsync(null, "--Admin:InitialPassword=", "--Admin:InitialUser=founder");
        var account = await host.Storage.Staff.GetAccountAsync("founder");
        Assert.NotNull(account);
        Assert.Equal(StaffRoles.Admin, account.Role);
        Assert.Equal(HttpStatusCode.Unauthorized, (await host.SignInAsync("founder", "")).Response.StatusCode);
    }
}
