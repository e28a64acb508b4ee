using CitizenData.Bot.Admin.Auth;
using CitizenData.Bot.Broadcasts;
using CitizenData.Bot.Channels;
using CitizenData.Bot.Conversations.Localisation;
using CitizenData.Feedback.Broadcasts;
using CitizenData.Feedback.Campaigns;
using CitizenData.Feedback.Storage;
using CitizenData.Feedback.Summaries;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace CitizenData.Bot.Admin.Dashboard.Pages.Broadcasts;

/// <summary>
/// A campaign's broadcasts, and for analysts the composer: the public summary and the message exactly as residents
/// will get them (per language, chart included, suppressed counts marked), the audience with the number of people it
/// reaches, and "Save draft". Approvers see the list and open a broadcast to approve it.
/// </summary>
public sealed class CampaignBroadcastsModel(
    IFeedbackStorage storage,
    BroadcastService broadcasts,
    StaffBroadcasts staff,
    BroadcastAudienceSelection audience,
    BotTexts botTexts,
    DashboardTexts dashboardTexts,
    DashboardLocaliser localiser,
    IEnumerable<IChannelSender> senders,
    IOptions<BroadcastOptions> options) : PageModel
{
    public Campaign Campaign { get; private set; } = null!;

    public IReadOnlyList<BroadcastRow> Broadcasts { get; private set; } = [];

    public bool MayDraft { get; private set; }

    public ComposerForm Form { get; private set; } = new();

    public SummaryLabels Labels { get; private set; } = null!;

    public LanguageLabels LanguageLabels => new(localiser, dashboardTexts, botTexts);

    /// <summary>The languages the broadcast speaks (one preview each).</summary>
    public IReadOnlyList<string> Languages { get; private set; } = [];

    public string PreviewLanguage { get; private set; } = DashboardTexts.DefaultLanguage;

    /// <summary>What residents reading <see cref="PreviewLanguage"/> would get; null when the period is invalid.</summary>
    public string? PreviewText { get; private set; }

    public bool HasChart { get; private set; }

    /// <summary>The public summary of the period, as the broadcast would use it.</summary>
    public CampaignSummary? Summary { get; private set; }

    public IReadOnlyList<string> KnownLocations { get; private set; } = [];

    public IReadOnlyList<string> Channels { get; private set; } = [];

    /// <summary>Set once staff asked for it ("Count recipients").</summary>
    public AudienceCount? Count { get; private set; }

    /// <summary>The text key of what is wrong with the draft, if anything.</summary>
    public string? Error { get; private set; }

    public async Task<IActionResult> OnGetAsync(string code, [FromQuery] ComposerForm? form) =>
        await ShowAsync(code, form, count: false);

    public async Task<IActionResult> OnPostPreviewAsync(string code, [FromForm] ComposerForm? form) =>
        await ShowAsync(code, form, count: false);

    public async Task<IActionResult> OnPostCountAsync(string code, [FromForm] ComposerForm? form) =>
        await ShowAsync(code, form, count: true);

    /// <summary>"Save draft": the same drafting code as the admin API, audited; then the broadcast's own page.</summary>
    public async Task<IActionResult> OnPostAsync(string code, [FromForm] ComposerForm? form)
    {
        if (!StaffRoles.Admits(User, StaffRoles.Analyst))
            return Forbid(StaffAuthentication.Scheme);
        form ??= new ComposerForm();
        switch (await staff.DraftAsync(code, form.ToRequest(), User, HttpContext.RequestAborted))
        {
            case DraftOutcome.Drafted(var saved):
                return Redirect(DashboardPaths.Broadcast(saved.Id));
            case DraftOutcome.Refused(var problem):
                var page = await ShowAsync(code, form, count: false);
                Error = ErrorKey(problem);
                if (page is PageResult result)
                    result.StatusCode = StatusCodes.Status400BadRequest;
                return page;
            default:
                return NotFound();
        }
    }

    /// <summary>The chart the draft would carry, in one language (the composer's preview image).</summary>
    public async Task<IActionResult> OnGetChartAsync(string code, string? language, DateOnly? from, DateOnly? to)
    {
        if (!StaffRoles.Admits(User, StaffRoles.Analyst))
            return Forbid(StaffAuthentication.Scheme);
        if (await storage.Campaigns.GetAsync(code, HttpContext.RequestAborted) is not { } campaign)
            return NotFound();
        var form = new ComposerForm { From = from, To = to, IncludeSummary = false, IncludeActions = false };
        var (draft, problem) = StaffBroadcasts.Prepare(campaign.Code, form.ToRequest(), null);
        if (problem == DraftProblem.PeriodBackwards)
            return NotFound();
        var content = await broadcasts.ComposeAsync(campaign, draft, HttpContext.RequestAborted);
        var chosen = content.Languages.FirstOrDefault(l => l == language) ?? content.Languages[0];
        return content.Chart(chosen) is { } png ? File(png, "image/png") : NotFound();
    }

    public string ChartUrl() =>
        Url.Page(null, "Chart", new { code = Campaign.Code, language = PreviewLanguage, from = DashboardDays.Text(Form.From), to = DashboardDays.Text(Form.To) })!;

    private async Task<IActionResult> ShowAsync(string code, ComposerForm? form, bool count)
    {
        var cancellationToken = HttpContext.RequestAborted;
        var mayApprove = StaffRoles.Admits(User, StaffRoles.Approver);
        MayDraft = StaffRoles.Admits(User, StaffRoles.Analyst);
        if (!MayDraft && !mayApprove)
            return Forbid(StaffAuthentication.Scheme);
        if (await storage.Campaigns.GetAsync(code, cancellationToken) is not { } campaign)
            return NotFound();
        Campaign = campaign;
        Labels = new SummaryLabels(localiser, dashboardTexts, botTexts, campaign);
        var rows = new List<BroadcastRow>();
        foreach (var broadcast in (await storage.Broadcasts.ListByCampaignAsync(campaign.Code, cancellationToken)).Reverse())
            rows.Add(new BroadcastRow(broadcast, await storage.Broadcasts.CountAsync(broadcast.Id, cancellationToken)));
        Broadcasts = rows;
        if (!MayDraft)
            return Page();

        Form = form ?? new ComposerForm();
        var (draft, problem) = StaffBroadcasts.Prepare(campaign.Code, Form.ToRequest(), null);
        // The summary is shown whether or not the draft includes it: staff need to see what the chart and counts rest on.
        var content = await broadcasts.ComposeAsync(campaign, draft with { IncludeSummary = true }, cancellationToken);
        Languages = content.Languages;
        var asked = Form.ShowLanguage ?? Form.Preview ?? localiser.Language;
        PreviewLanguage = Languages.FirstOrDefault(l => string.Equals(l, asked, StringComparison.OrdinalIgnoreCase)) ?? Languages[0];
        Form.Preview = PreviewLanguage;
        if (problem == DraftProblem.PeriodBackwards)
        {
            Error = ErrorKey(problem.Value);
        }
        else
        {
            Summary = content.Summary;
            var exact = content.Including(draft);
            PreviewText = exact.Text(PreviewLanguage);
            HasChart = exact.HasChart;
        }

        KnownLocations = await KnownLocationsAsync(campaign, Form.Locations, cancellationToken);
        Channels = [.. senders.Select(s => s.Channel).Union(Form.Channels, StringComparer.OrdinalIgnoreCase).Order(StringComparer.Ordinal)];
        if (count || Form.Counted)
            Count = await audience.CountAsync(campaign.Code, Form.Audience, options.Value.BatchSize, cancellationToken);
        return Page();
    }

    /// <summary>Every location participants named (internal: staff may see small places; residents never do).</summary>
    private async Task<IReadOnlyList<string>> KnownLocationsAsync(Campaign campaign, IEnumerable<string> chosen, CancellationToken cancellationToken)
    {
        var counts = await storage.Summaries.CountAsync(campaign.Code, null, null, campaign.ReviewThreshold, cancellationToken);
        return [.. counts.Cells
            .Select(c => c.Profile.TryGetValue(BroadcastAudienceSelection.LocationQuestion, out var location) ? location.Trim() : null)
            .OfType<string>()
            .Where(l => l.Length > 0)
            .Concat(chosen)
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .Order(StringComparer.CurrentCultureIgnoreCase)];
    }

    private static string ErrorKey(DraftProblem problem) => problem switch
    {
        DraftProblem.MessageRequired => "broadcasts.error_message_required",
        DraftProblem.MessageTooLong => "broadcasts.error_message_too_long",
        _ => "broadcasts.error_period_backwards",
    };
}

/// <summary>One broadcast in the list, with its delivery counts.</summary>
public sealed record BroadcastRow(Broadcast Broadcast, BroadcastCounts Counts)
{
    public BroadcastPhase Phase => BroadcastPhases.Of(Broadcast, Counts);
}
