using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CitizenData.Bot.Admin;
using CitizenData.Bot.Tests.Admin;
using CitizenData.Feedback.Broadcasts;

namespace CitizenData.Bot.Tests.Loop;

/// <summary>Four-eyes approval (<c>Broadcasts:FourEyes</c>): whoever drafted a broadcast may not approve it, admins included.</summary>
public sealed class FourEyesApprovalTests
{
    [Fact]
    public async Task With_four_eyes_the_drafter_cannot_approve_but_another_approver_can()
    {
        await using var host = await AdminTestHost.StartAsync(builder => builder.Configuration["Broadcasts:FourEyes"] = "true");
        using var admin = host.WithApiKey(AdminTestHost.AdminApiKey);
        var id = await DraftAsync(admin);

        using (var own = await admin.PostAsync($"/api/admin/broadcasts/{id}/approve", null))
        {
            Assert.Equal(HttpStatusCode.Forbidden, own.StatusCode);
            var problem = await own.Content.ReadFromJsonAsync<JsonElement>();
            Assert.Equal("Your own draft", problem.GetProperty("title").GetString());
            Assert.Contains("another approver", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        }
        Assert.Equal(BroadcastStatus.Draft, (await host.Storage.Broadcasts.GetAsync(id))!.Status);

        using var approver = await host.ClientForRoleAsync(StaffRoles.Approver);
        using (var approved = await approver.PostAsync($"/api/admin/broadcasts/{id}/approve", null))
            Assert.Equal(HttpStatusCode.OK, approved.StatusCode);
        Assert.NotEqual(BroadcastStatus.Draft, (await host.Storage.Broadcasts.GetAsync(id))!.Status);
    }

    [Fact]
    public async Task Without_four_eyes_an_admin_may_approve_their_own_draft()
    {
        await using var host = await AdminTestHost.StartAsync();
        using var admin = host.WithApiKey(AdminTestHost.AdminApiKey);
        var id = await DraftAsync(admin);

        using var approved = await admin.PostAsync($"/api/admin/broadcasts/{id}/approve", null);

        Assert.Equal(HttpStatusCode.OK, approved.StatusCode);
    }

    private static async Task<string> DraftAsync(HttpClient client)
    {
        using var drafted = await client.PostAsJsonAsync("/api/admin/campaigns/community/broadcasts", new { message = "Thank you for taking part." });
        Assert.Equal(HttpStatusCode.Created, drafted.StatusCode);
        return (await drafted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
    }
}
