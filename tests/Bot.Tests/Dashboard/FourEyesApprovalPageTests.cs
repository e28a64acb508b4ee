using CitizenData.Bot.Admin;
using CitizenData.Feedback.Broadcasts;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CitizenData.Bot.Tests.Dashboard;

/// <summary>Four-eyes approval on the dashboard (<c>Broadcasts:FourEyes</c>): the drafter sees why they cannot approve, and cannot.</summary>
public sealed class FourEyesApprovalPageTests : IAsyncLifetime
{
    private DashboardBrowser dashboard = null!;

    public async Task InitializeAsync() =>
        dashboard = await DashboardBrowser.StartAsync(builder => builder.Configuration["Broadcasts:FourEyes"] = "true");

    public async Task DisposeAsync() => await dashboard.DisposeAsync();

    [SkippableFact]
    public async Task An_admin_who_drafted_a_broadcast_is_told_another_approver_must_approve_it()
    {
        var admin = await dashboard.SignInAsync(StaffRoles.Admin);
        await admin.GotoAsync(dashboard.Url("/admin/campaigns/community/broadcasts"));
        await admin.Locator("#message-en").FillAsync("Thank you for taking part.");
        await admin.GetByRole(AriaRole.Button, new() { Name = "Save draft" }).ClickAsync();
        await Expect(admin).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/admin/broadcasts/b_"), new() { Timeout = 20_000 });
        var id = admin.Url[(admin.Url.LastIndexOf('/') + 1)..];

        await Expect(admin.Locator("#own-draft")).ToHaveTextAsync("You drafted this broadcast: another approver must approve it.");
        await Expect(admin.GetByRole(AriaRole.Button, new() { Name = "Approve and send" })).ToHaveCountAsync(0);

        // Sent anyway (a stale page, a crafted form): refused with the same words, and nothing changes.
        var token = await admin.Locator("header form.who input[name=__RequestVerificationToken]").GetAttributeAsync("value");
        var response = await admin.APIRequest.PostAsync(dashboard.Url($"/admin/broadcasts/{id}/approve"), new()
        {
            Form = admin.APIRequest.CreateFormData().Set("__RequestVerificationToken", token!),
            MaxRedirects = 0,
        });
        Assert.Equal(403, response.Status);
        Assert.Contains("You drafted this broadcast: another approver must approve it.", await response.TextAsync(), StringComparison.Ordinal);
        Assert.Equal(BroadcastStatus.Draft, (await dashboard.Host.Storage.Broadcasts.GetAsync(id))!.Status);

        // Another approver can.
        var approver = await dashboard.SignInAsync(StaffRoles.Approver);
        await approver.GotoAsync(dashboard.Url($"/admin/broadcasts/{id}"));
        await approver.GetByRole(AriaRole.Button, new() { Name = "Approve and send" }).ClickAsync();
        await Expect(approver.Locator("#delivery")).ToBeVisibleAsync(DashboardBrowser.Patiently);
        Assert.NotEqual(BroadcastStatus.Draft, (await dashboard.Host.Storage.Broadcasts.GetAsync(id))!.Status);
    }
}
