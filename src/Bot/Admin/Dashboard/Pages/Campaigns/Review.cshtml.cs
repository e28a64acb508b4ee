using CitizenData.Bot.Admin.Submissions;
using CitizenData.Feedback.Campaigns;
using CitizenData.Feedback.Privacy;
using CitizenData.Feedback.Storage;
using CitizenData.Feedback.Submissions;
using CitizenData.Feedback.Themes;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CitizenData.Bot.Admin.Dashboard.Pages.Campaigns;

/// <summary>
/// The review queue, one item at a time: a button (and a key) per theme labels it through <see cref="SubmissionLabels"/>,
/// like the admin API, then the page moves on to the next item (POST-redirect-GET). When the queue is empty, or in the
/// second-review mode, it offers the sample of labelled items for a second, independent label, and shows how well the
/// pairs agree.
/// </summary>
[Authorize(Policy = StaffRoles.Analyst)]
public sealed class ReviewModel(
    ICampaignStore campaigns, ReviewBacklog backlog, SubmissionLabels labels, CampaignExport export, DashboardLocaliser localiser) : PageModel
{
    public const string SecondReviewMode = "second";

    /// <summary>How many waiting second reviews are counted before the page says "at least".</summary>
    public const int SecondReviewCountCap = 100;

    /// <summary>Skips remembered in the address: enough for a session, short enough for any URL limit.</summary>
    private const int MaxSkipped = 100;

    [BindProperty(SupportsGet = true)]
    public string Code { get; set; } = string.Empty;

    /// <summary><see cref="SecondReviewMode"/> for the second-review sample; otherwise the queue.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Mode { get; set; }

    /// <summary>Ids the reviewer passed over, comma-separated (ids are letters, digits and underscores).</summary>
    [BindProperty(SupportsGet = true, Name = "skipped")]
    public string? SkippedIds { get; set; }

    /// <summary>After a label, for the confirmation on the next page: the theme given.</summary>
    [TempData]
    public string? LabelledTheme { get; set; }

    /// <summary>After a second review: the first label and who gave it (<see cref="LabelSource"/>), shown only now.</summary>
    [TempData]
    public string? FirstLabel { get; set; }

    [TempData]
    public string? FirstLabelSource { get; set; }

    public Campaign Campaign { get; private set; } = null!;

    /// <summary>The item on screen, if any is left.</summary>
    public Submission? Item { get; private set; }

    public string? Pseudonym { get; private set; }

    /// <summary>Whether <see cref="Item"/> is offered for a second review (rather than waiting for its first label).</summary>
    public bool IsSecondReview { get; private set; }

    /// <summary>The queue mode found nothing left to label, so the page went on to the second-review sample.</summary>
    public bool QueueDone { get; private set; }

    public long WaitingForLabel { get; private set; }

    public int WaitingForSecondReview { get; private set; }

    public ReviewerAgreement Agreement { get; private set; } = new(0, 0, null);

    public IReadOnlyList<string> Skipped { get; private set; } = [];

    /// <summary>The campaign's themes with the key that labels with each (past the last key, a button only).</summary>
    public IReadOnlyList<(Theme Theme, char? Key)> ThemeKeys { get; private set; } = [];

    /// <summary>A localised message about a refused label (nothing was stored).</summary>
    public string? Error { get; private set; }

    public bool InSecondReviewMode => string.Equals(Mode, SecondReviewMode, StringComparison.Ordinal);

    public async Task<IActionResult> OnGetAsync()
    {
        if (!await LoadAsync())
            return NotFound();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync([FromForm] string? id, [FromForm] string? theme, [FromForm] long? version, [FromForm] bool secondReview)
    {
        if (await campaigns.GetAsync(Code, HttpContext.RequestAborted) is null)
            return NotFound();
        var result = string.IsNullOrEmpty(id)
            ? new LabelResult.NoSuchSubmission()
            : await labels.LabelAsync(User, id, theme, secondReview, version, HttpContext.RequestAborted);
        if (result is LabelResult.Labelled labelled)
        {
            LabelledTheme = theme;
            if (secondReview)
            {
                FirstLabel = labelled.Before.Theme;
                FirstLabelSource = labelled.Before.LabelSource.ToString();
            }
            return Redirect(Link(Mode, SkippedList()));
        }
        (Error, var status) = result switch
        {
            LabelResult.UnknownTheme => (localiser.Format("review.unknown_theme", theme ?? string.Empty), StatusCodes.Status400BadRequest),
            LabelResult.ChangedMeanwhile => (localiser["review.changed_meanwhile"], StatusCodes.Status409Conflict),
            LabelResult.NotLabelledYet => (localiser["review.not_labelled_yet"], StatusCodes.Status409Conflict),
            _ => (localiser["review.gone"], StatusCodes.Status404NotFound),
        };
        await LoadAsync();
        var page = Page();
        page.StatusCode = status;
        return page;
    }

    /// <summary>This page in <paramref name="mode"/>, passing over <paramref name="skipped"/>.</summary>
    public string Link(string? mode, IEnumerable<string> skipped)
    {
        var query = new List<KeyValuePair<string, string?>>();
        if (!string.IsNullOrEmpty(mode))
            query.Add(new("mode", mode));
        var ids = string.Join(',', skipped);
        if (ids.Length > 0)
            query.Add(new("skipped", ids));
        return DashboardPaths.Review(Code) + QueryString.Create(query);
    }

    /// <summary>The theme's name in the page's language, and the language it is really in (a fallback may be English).</summary>
    public (string Name, string Language) ThemeName(string key)
    {
        if (Campaign.Taxonomy.Find(key) is not { } theme)
            return (key, "en");
        if (theme.Names.TryGetValue(localiser.Language, out var name))
            return (name, localiser.Language);
        return theme.Names.TryGetValue("en", out var english) ? (english, "en") : (key, "en");
    }

    /// <summary>
    /// The key for the n-th theme: 1–9, 0, then letters, leaving out i, l and o (read as 1 and 0) and s (skip). Only
    /// keys without Ctrl, Alt or ⌘ count, so no browser shortcut is taken.
    /// </summary>
    public static char? KeyFor(int index) => index < Keys.Length ? Keys[index] : null;

    public const char SkipKey = 's';

    private const string Keys = "1234567890abcdefghjkmnpqrtuvwxyz";

    private async Task<bool> LoadAsync()
    {
        var cancellationToken = HttpContext.RequestAborted;
        if (await campaigns.GetAsync(Code, cancellationToken) is not { } campaign)
            return false;
        Campaign = campaign;
        Skipped = SkippedList();
        ThemeKeys = [.. campaign.Taxonomy.Themes.Select((theme, index) => (theme, KeyFor(index)))];

        if (!InSecondReviewMode)
        {
            Item = await backlog.NextAsync(Code, secondReview: false, Skipped, cancellationToken);
            QueueDone = Item is null;
        }
        if (Item is null)
        {
            Item = await backlog.NextAsync(Code, secondReview: true, Skipped, cancellationToken);
            IsSecondReview = Item is not null;
        }
        if (Item is not null)
            Pseudonym = (await export.PseudonymsAsync(cancellationToken)).For(Item.ParticipantId);
        WaitingForLabel = await backlog.CountToLabelAsync(Code, cancellationToken);
        WaitingForSecondReview = await backlog.CountForSecondReviewAsync(Code, SecondReviewCountCap, cancellationToken);
        Agreement = await backlog.AgreementAsync(Code, cancellationToken);
        return true;
    }

    private List<string> SkippedList() =>
        [.. (SkippedIds ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct().TakeLast(MaxSkipped)];
}
