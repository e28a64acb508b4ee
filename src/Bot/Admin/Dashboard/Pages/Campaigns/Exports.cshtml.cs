using CitizenData.Feedback.Campaigns;
using CitizenData.Feedback.Storage;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.WebUtilities;

namespace CitizenData.Bot.Admin.Dashboard.Pages.Campaigns;

/// <summary>
/// Exports: the form checks the choice, then sends the browser to the admin API's export (the very same file as
/// <c>GET /api/admin/campaigns/{code}/export</c> and <c>citizendata export</c>, audited there).
/// </summary>
[Authorize(Policy = StaffRoles.Analyst)]
public sealed class ExportsModel(IFeedbackStorage storage) : PageModel
{
    public static readonly IReadOnlyList<string> Formats = ["csv", "json"];
    public static readonly IReadOnlyList<string> Audiences = ["internal", "public"];

    public Campaign Campaign { get; private set; } = null!;

    [BindProperty(SupportsGet = true)]
    public string Format { get; set; } = "csv";

    [BindProperty(SupportsGet = true)]
    public string Audience { get; set; } = "internal";

    [BindProperty(SupportsGet = true)]
    public string? From { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? To { get; set; }

    /// <summary>The text key of what is wrong with the choice, if anything.</summary>
    public string? Error { get; private set; }

    /// <summary>The export with no filter, as the command line would write it.</summary>
    public string CommandLine => $"dotnet run --project src/Bot -- export --campaign {Campaign.Code} --format {Format} --audience {Audience} --out {Campaign.Code}-{Audience}.{Format}";

    public async Task<IActionResult> OnGetAsync(string code) =>
        await LoadAsync(code) ? Page() : NotFound();

    /// <summary>Checks the choice and hands over to the API: the file itself, or its datapackage.json description.</summary>
    public async Task<IActionResult> OnGetDownloadAsync(string code, bool describe = false)
    {
        if (!await LoadAsync(code))
            return NotFound();
        Error = !Formats.Contains(Format) || !Audiences.Contains(Audience) ? "exports.invalid_choice"
            : !DashboardDays.TryParse(From, out var from) || !DashboardDays.TryParse(To, out var to) ? "exports.invalid_date"
            : from is not null && to is not null && to <= from ? "exports.invalid_period"
            : null;
        if (Error is not null)
        {
            var page = Page();
            page.StatusCode = StatusCodes.Status400BadRequest;
            return page;
        }
        var query = new Dictionary<string, string?> { ["format"] = Format, ["audience"] = Audience };
        if (!string.IsNullOrEmpty(From))
            query["from"] = From;
        if (!string.IsNullOrEmpty(To))
            query["to"] = To;
        var path = $"{AdminApi.Prefix}/campaigns/{Uri.EscapeDataString(Campaign.Code)}/export" + (describe ? "/datapackage.json" : string.Empty);
        return Redirect(QueryHelpers.AddQueryString(path, query));
    }

    private async Task<bool> LoadAsync(string code)
    {
        if (await storage.Campaigns.GetAsync(code, HttpContext.RequestAborted) is not { } campaign)
            return false;
        Campaign = campaign;
        return true;
    }
}
