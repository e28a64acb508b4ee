using CitizenData.Feedback.Broadcasts;
using CitizenData.Feedback.Campaigns;
using CitizenData.Feedback.Storage;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CitizenData.Bot.Admin.Dashboard.Pages;

/// <summary>
/// The start page: the campaigns (analysts open their overview; approvers their broadcasts) and the broadcasts
/// waiting for an approver.
/// </summary>
public sealed class IndexModel(IFeedbackStorage storage) : PageModel
{
    public IReadOnlyList<Campaign> Campaigns { get; private set; } = [];

    public IReadOnlyList<Broadcast> AwaitingApproval { get; private set; } = [];

    public bool MayAnalyse { get; private set; }

    public bool IsVolunteer { get; private set; }

    public async Task OnGetAsync()
    {
        MayAnalyse = StaffRoles.Admits(User, StaffRoles.Analyst);
        var mayApprove = StaffRoles.Admits(User, StaffRoles.Approver);
        IsVolunteer = User.IsInRole(StaffRoles.Volunteer);
        if (!MayAnalyse && !mayApprove)
            return;
        Campaigns = await storage.Campaigns.ListAsync(HttpContext.RequestAborted);
        if (!mayApprove)
            return;
        var drafts = new List<Broadcast>();
        foreach (var campaign in Campaigns)
            drafts.AddRange((await storage.Broadcasts.ListByCampaignAsync(campaign.Code, HttpContext.RequestAborted)).Where(b => b.Status == BroadcastStatus.Draft));
        AwaitingApproval = drafts;
    }
}
