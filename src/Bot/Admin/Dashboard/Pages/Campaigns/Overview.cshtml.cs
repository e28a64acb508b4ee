using CitizenData.Bot.Admin.Dashboard.Charts;
using CitizenData.Bot.Admin.Submissions;
using CitizenData.Feedback.Campaigns;
using CitizenData.Feedback.Storage;
using CitizenData.Feedback.Summaries;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CitizenData.Bot.Admin.Dashboard.Pages.Campaigns;

/// <summary>
/// A campaign at a glance for a period: inputs and participants over time, theme shares with the change since the
/// period before (the internal summary, as the summary API builds it), what waits for review, channels and languages.
/// </summary>
[Authorize(Policy = StaffRoles.Analyst)]
public sealed class OverviewModel(IFeedbackStorage storage, SummaryBuilder summaries, ReviewBacklog backlog, DashboardLocaliser l, TimeProvider clock) : PageModel
{
    public Campaign Campaign { get; private set; } = null!;

    public LocalisedName Title { get; private set; } = null!;

    public OverviewPeriod Period { get; private set; } = null!;

    /// <summary>The text key of what is wrong with the dates asked for; nothing is counted then.</summary>
    public string? PeriodError { get; private set; }

    /// <summary>The dates as typed, to show them again in the form.</summary>
    public string? FromText { get; private set; }

    public string? ToText { get; private set; }

    public CampaignSummary Summary { get; private set; } = null!;

    public CampaignActivity Activity { get; private set; } = null!;

    /// <summary>Every day or week shown, with zeros where nothing arrived.</summary>
    public IReadOnlyList<ActivityBucket> Timeline { get; private set; } = [];

    public long NeedsReview { get; private set; }

    public IReadOnlyList<ThemeRow> Themes { get; private set; } = [];

    /// <summary>The period before, when there is one to compare with.</summary>
    public bool HasComparison => Period.Previous is not null;

    public IReadOnlyList<(string Name, int Inputs)> Channels { get; private set; } = [];

    public IReadOnlyList<(LocalisedName Name, int Inputs)> Languages { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string code, string? period, string? from, string? to)
    {
        var cancellationToken = HttpContext.RequestAborted;
        if (await storage.Campaigns.GetAsync(code, cancellationToken) is not { } campaign)
            return NotFound();
        Campaign = campaign;
        Title = LocalisedName.Title(campaign, l.Language);
        (FromText, ToText) = (from, to);
        var today = DashboardDays.Today(clock);
        if (!OverviewPeriod.TryParse(period, from, to, today, out var parsed, out var error))
        {
            Period = parsed;
            PeriodError = error;
            var invalid = Page();
            invalid.StatusCode = StatusCodes.Status400BadRequest;
            return invalid;
        }
        Period = parsed;
        if (parsed.Preset is not null)
            (FromText, ToText) = (DashboardDays.Text(parsed.From), DashboardDays.Text(parsed.To));

        // Three independent reads; SQLite's write-ahead log lets them run side by side.
        var summary = summaries.BuildAsync(campaign, parsed.Start, parsed.End, SummaryAudience.Internal, cancellationToken);
        var activity = storage.Summaries.ActivityAsync(campaign.Code, parsed.Start, parsed.End, cancellationToken);
        var waiting = backlog.CountToLabelAsync(campaign.Code, cancellationToken);
        Summary = await summary;
        Activity = await activity;
        NeedsReview = await waiting;

        Timeline = TimelineOf(Activity, parsed, today);
        Themes = [.. Summary.Themes
            .Where(t => t.Participants > 0 || t.PreviousParticipants > 0)
            .Select(t => new ThemeRow(LocalisedName.Theme(campaign, t.Theme, l.Language, l["overview.unsorted"]), t.Participants ?? 0, t.Share ?? 0, t.PreviousParticipants, t.Change))];
        Channels = [.. Activity.InputsByChannel.OrderByDescending(c => c.Value).ThenBy(c => c.Key, StringComparer.Ordinal).Select(c => (l.ChannelName(c.Key), c.Value))];
        Languages = [.. Activity.InputsByLanguage.OrderByDescending(c => c.Value).ThenBy(c => c.Key, StringComparer.Ordinal).Select(c => (LanguageName(c.Key), c.Value))];
        return Page();
    }

    public string Day(DateOnly day) => day.ToString("d MMM yyyy", l.Culture);

    /// <summary>How a change in participants since the period before reads: with an arrow and a word, not only a colour.</summary>
    public string Change(int? change) => change switch
    {
        null => "—",
        > 0 => l.Format("overview.change_up", l.Number(change.Value)),
        < 0 => l.Format("overview.change_down", l.Number(-change.Value)),
        _ => l["overview.change_none"],
    };

    public IHtmlContent ActivityChartHtml()
    {
        var daily = Activity.Interval == ActivityInterval.Day;
        var points = Timeline.Select(b => new ActivityPoint(
            b.Start.ToString("d MMM", l.Culture),
            b.Inputs,
            b.Participants,
            l.Format("overview.chart_point", Day(b.Start), l.Number(b.Inputs), l.Number(b.Participants)))).ToList();
        var busiest = Timeline.MaxBy(b => b.Inputs);
        var description = busiest is null or { Inputs: 0 }
            ? l["overview.no_inputs"]
            : l.Format("overview.chart_time_desc", l.Number(Timeline.Sum(b => b.Inputs)), Day(busiest.Start), l.Number(busiest.Inputs));
        return ActivityChart.Render(
            "activity-chart",
            points,
            l.Format(daily ? "overview.chart_time_title_days" : "overview.chart_time_title_weeks", Day(Timeline[0].Start), Day(Timeline[^1].Start)),
            description,
            l.Culture);
    }

    public IHtmlContent ThemeChartHtml()
    {
        var bars = Themes.Select(t => new ShareBar(
            t.Name.Text,
            t.Name.Language,
            t.Share,
            HasComparison ? $"{l.Percent(t.Share)} ({l.Number(t.Participants)}) {Signed(t.Change)}" : $"{l.Percent(t.Share)} ({l.Number(t.Participants)})")).ToList();
        var top = Themes[0];
        return ShareBarChart.Render(
            "theme-chart",
            bars,
            l["overview.chart_theme_title"],
            l.Format("overview.chart_theme_desc", l.Number(Summary.Participants ?? 0), top.Name.Text, l.Percent(top.Share)));
    }

    private string Signed(int? change) => change switch
    {
        null => string.Empty,
        > 0 => "▲ +" + l.Number(change.Value),
        < 0 => "▼ −" + l.Number(-change.Value),
        _ => "= 0",
    };

    /// <summary>The period's days or weeks up to today (later ones are certainly empty); all time starts at the first input.</summary>
    private static IReadOnlyList<ActivityBucket> TimelineOf(CampaignActivity activity, OverviewPeriod period, DateOnly today)
    {
        if (activity.Buckets.Count == 0 && period.From is null)
            return [];
        var first = period.From ?? activity.Buckets[0].Start;
        var last = period.To is { } to && to < today ? to : today;
        // Inputs stamped after today (a clock ahead of ours) are counted, so they are drawn too.
        if (activity.Buckets.Count > 0 && activity.Buckets[^1].Start > last)
            last = activity.Buckets[^1].Start;
        return activity.Timeline(first, last < first ? first : last);
    }


    private LocalisedName LanguageName(string language) =>
        l.Languages.Contains(language) ? new LocalisedName(l.NameOf(language), language == l.Language ? null : language) : new LocalisedName(language, null);


    /// <param name="Previous">Participants in the period before; null when there is none to compare with.</param>
    public sealed record ThemeRow(LocalisedName Name, int Participants, double Share, int? Previous, int? Change);
}
