using CitizenData.Bot.Admin.Auth;
using CitizenData.Bot.Broadcasts;
using CitizenData.Bot.Conversations.Localisation;
using CitizenData.Feedback.Broadcasts;
using CitizenData.Feedback.Campaigns;
using CitizenData.Feedback.Storage;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CitizenData.Bot.Admin.Dashboard.Pages.Broadcasts;

/// <summary>
/// One broadcast: what it says in each language (text and chart, as approved), who it goes to, the approve button
/// for approvers while it is a draft, and once approved its delivery, live until nothing is left to send.
/// </summary>
public sealed class BroadcastModel(
    IFeedbackStorage storage,
    StaffBroadcasts staff,
    BotTexts botTexts,
    DashboardTexts dashboardTexts,
    DashboardLocaliser localiser) : PageModel
{
    public Broadcast Broadcast { get; private set; } = null!;

    public Campaign? Campaign { get; private set; }

    public BroadcastCounts Counts { get; private set; } = new(0, 0, 0, 0, 0);

    public BroadcastPhase Phase { get; private set; }

    public SummaryLabels? Labels { get; private set; }

    public LanguageLabels LanguageLabels => new(localiser, dashboardTexts, botTexts);

    /// <summary>An approver (or admin) looking at a draft they may approve.</summary>
    public bool MayApprove { get; private set; }

    /// <summary>Four-eyes approval: this approver drafted it, so someone else must approve it.</summary>
    public bool IsOwnDraft { get; private set; }

    /// <summary>The preview shown open: the dashboard's language when the broadcast has it.</summary>
    public string OpenLanguage { get; private set; } = DashboardTexts.DefaultLanguage;

    public async Task<IActionResult> OnGetAsync(string id)
    {
        if (await LoadAsync(id) is { } refused)
            return refused;
        var mayApprove = StaffRoles.Admits(User, StaffRoles.Approver);
        IsOwnDraft = mayApprove && Broadcast.Status == BroadcastStatus.Draft && staff.MustBeSomeoneElse(Broadcast, StaffActor.Name(User));
        MayApprove = mayApprove && Broadcast.Status == BroadcastStatus.Draft && !IsOwnDraft;
        OpenLanguage = Broadcast.Previews.ContainsKey(localiser.Language) ? localiser.Language : Broadcast.Previews.Keys.FirstOrDefault() ?? OpenLanguage;
        return Page();
    }

    /// <summary>The delivery counts as JSON, for broadcasts.js to update the page every two seconds.</summary>
    public async Task<IActionResult> OnGetProgressAsync(string id)
    {
        if (await LoadAsync(id) is { } refused)
            return refused;
        return new JsonResult(new
        {
            phase = Phase.ToString().ToLowerInvariant(),
            phaseText = localiser[BroadcastPhases.TextKey(Phase)],
            finished = Phase == BroadcastPhase.Finished,
            progressText = ProgressText,
            queued = Counts.Queued,
            sent = Counts.Sent,
            failed = Counts.Failed,
            unreachable = Counts.Unreachable,
            optedOut = Counts.OptedOut,
        });
    }

    /// <summary>"n of m messages delivered or given up on".</summary>
    public string ProgressText =>
        localiser.Format("broadcasts.progress_summary", localiser.Number(Counts.Sent + Counts.Failed), localiser.Number(Counts.Queued + Counts.Sent + Counts.Failed));

    private async Task<IActionResult?> LoadAsync(string id)
    {
        if (!StaffRoles.Admits(User, StaffRoles.Analyst) && !StaffRoles.Admits(User, StaffRoles.Approver))
            return Forbid(StaffAuthentication.Scheme);
        var cancellationToken = HttpContext.RequestAborted;
        if (await storage.Broadcasts.GetAsync(id, cancellationToken) is not { } broadcast)
            return NotFound();
        Broadcast = broadcast;
        ViewData["CampaignCode"] = broadcast.CampaignCode;
        Campaign = await storage.Campaigns.GetAsync(broadcast.CampaignCode, cancellationToken);
        if (Campaign is not null)
            Labels = new SummaryLabels(localiser, dashboardTexts, botTexts, Campaign);
        Counts = await storage.Broadcasts.CountAsync(broadcast.Id, cancellationToken);
        Phase = BroadcastPhases.Of(broadcast, Counts);
        return null;
    }
}
