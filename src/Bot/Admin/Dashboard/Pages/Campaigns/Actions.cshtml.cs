using CitizenData.Bot.Actions;
using CitizenData.Feedback.Actions;
using CitizenData.Feedback.Campaigns;
using CitizenData.Feedback.Storage;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CitizenData.Bot.Admin.Dashboard.Pages.Campaigns;

/// <summary>"You said, we did": the campaign's actions, and a form to record one (the same recorder as the API).</summary>
[Authorize(Policy = StaffRoles.Analyst)]
public sealed class ActionsModel(IFeedbackStorage storage, ActionRecorder recorder, TimeProvider clock) : PageModel
{
    public Campaign Campaign { get; private set; } = null!;

    public IReadOnlyList<CampaignAction> Actions { get; private set; } = [];

    /// <summary>Fields the last post got wrong; nothing was stored.</summary>
    public IReadOnlyCollection<string> InvalidFields { get; private set; } = [];

    /// <summary>Set after a successful post (POST-redirect-GET).</summary>
    [BindProperty(SupportsGet = true)]
    public bool Recorded { get; set; }

    [BindProperty]
    public List<string> Themes { get; set; } = [];

    [BindProperty]
    public Dictionary<string, string> Texts { get; set; } = [];

    [BindProperty]
    public string? DutyBearer { get; set; }

    [BindProperty]
    public string Status { get; set; } = ActionRecorder.StatusName(ActionStatus.Promised);

    [BindProperty]
    public string? Date { get; set; }

    public async Task<IActionResult> OnGetAsync(string code)
    {
        if (!await LoadAsync(code))
            return NotFound();
        Date = DashboardDays.Text(DashboardDays.Today(clock));
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string code)
    {
        if (!await LoadAsync(code))
            return NotFound();
        var dateValid = DashboardDays.TryParse(string.IsNullOrWhiteSpace(Date) ? null : Date, out var day);
        DateTimeOffset? date = day is { } given ? DashboardDays.Start(given) : null;
        var outcome = dateValid
            ? await recorder.RecordAsync(Campaign, new ActionRecorder.Request(Themes, Texts, DutyBearer, Status, date), User, HttpContext.RequestAborted)
            : null;
        if (outcome?.Action is not null)
            return RedirectToPage(new { code, recorded = true });
        InvalidFields = outcome is null ? ["date"] : outcome.Errors.Keys;
        var page = Page();
        page.StatusCode = StatusCodes.Status400BadRequest;
        return page;
    }

    public bool IsInvalid(string field) => InvalidFields.Contains(field);

    private async Task<bool> LoadAsync(string code)
    {
        if (await storage.Campaigns.GetAsync(code, HttpContext.RequestAborted) is not { } campaign)
            return false;
        Campaign = campaign;
        Actions = [.. (await storage.Actions.ListByCampaignAsync(code, HttpContext.RequestAborted)).OrderByDescending(a => a.Date)];
        return true;
    }
}
