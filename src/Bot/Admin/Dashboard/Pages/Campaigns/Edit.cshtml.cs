using CitizenData.Bot.Admin.Campaigns;
using CitizenData.Bot.Campaigns;
using CitizenData.Bot.Conversations.Localisation;
using CitizenData.Feedback.Campaigns;
using CitizenData.Feedback.Storage;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CitizenData.Bot.Admin.Dashboard.Pages.Campaigns;

/// <summary>
/// The campaign editor, for an existing campaign (<c>/admin/campaigns/{code}/edit</c>) and a new one
/// (<c>/admin/campaigns/new</c>). It edits the admin API's <see cref="CampaignDefinition"/> and saves through
/// <see cref="CampaignChanges"/>, so the rules, the optimistic concurrency and the audit record are the API's own.
/// <c>?handler=Preview</c> shows the page again with what was typed (nothing saved); <c>?handler=Save</c> saves.
/// </summary>
[Authorize(Policy = StaffRoles.Analyst)]
public sealed class EditModel(ICampaignStore campaigns, CampaignChanges changes, BotTexts botTexts, DashboardLocaliser text) : PageModel
{
    [BindProperty]
    public EditForm Form { get; set; } = new();

    /// <summary>The campaign being edited; none when creating one.</summary>
    public string? Code => RouteData.Values["code"] as string;

    public bool IsNew => Code is null;

    public EditErrors Errors { get; private set; } = EditErrors.None;

    /// <summary>The preview chat per offered language.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<PreviewBubble>> Preview { get; private set; } = new Dictionary<string, IReadOnlyList<PreviewBubble>>();

    /// <summary>Every language the editor offers a box and texts for, in order.</summary>
    public IReadOnlyList<string> Languages { get; private set; } = [];

    public IReadOnlyList<string> Statuses { get; } = [.. Enum.GetNames<CampaignStatus>().Select(s => s.ToLowerInvariant())];

    /// <summary>The version just saved, after the redirect that follows a save.</summary>
    public long? SavedVersion { get; private set; }

    public bool Previewed { get; private set; }

    /// <summary>Someone else saved the campaign after this editor was opened; the form still holds what was typed.</summary>
    public bool Conflict { get; private set; }

    public bool Offers(string language) => Form.Languages.Contains(language, StringComparer.Ordinal);

    public PreviewChat Chat(string language) => new(language, Preview.GetValueOrDefault(language));

    /// <summary>One language's input of a text per language, labelled with the field and the language's name.</summary>
    public EditLanguageField Field(string id, string name, Dictionary<string, string?> values, string labelKey, string language, bool multiline = false) =>
        new(id, name, values.GetValueOrDefault(language), text[labelKey], language, EditLanguages.Name(text, language), Offers(language), Errors, multiline);

    public async Task<IActionResult> OnGetAsync(bool saved = false)
    {
        if (IsNew)
        {
            Form = EditForm.From(NewCampaign());
            return Show();
        }
        var campaign = await campaigns.GetAsync(Code!, HttpContext.RequestAborted);
        if (campaign is null)
            return NotFound();
        Form = EditForm.From(CampaignDefinition.From(campaign));
        SavedVersion = saved ? campaign.Version : null;
        return Show();
    }

    /// <summary>Preview: the page again with what was typed, nothing saved (also what Enter in a field does).</summary>
    public IActionResult OnPostPreview()
    {
        Previewed = true;
        return Show();
    }

    /// <summary>Only the previews, for the page's script that refreshes them while typing.</summary>
    public PartialViewResult OnPostPreviewChats()
    {
        Show();
        return Partial("EditPreviewChats", this);
    }

    public async Task<IActionResult> OnPostSaveAsync()
    {
        var read = Form.ToDefinition();
        var code = IsNew ? Form.Code?.Trim() ?? string.Empty : Code!;
        if (read.Unreadable.Count > 0)
        {
            // Not sent on: a number that is not a number. Still report everything else that is wrong in one go.
            var (_, rules) = read.Definition.ToCampaign(code, Form.Version);
            return Invalid(rules.Concat(read.Unreadable).ToDictionary(e => e.Key, e => e.Value), read);
        }
        if (IsNew && string.Equals(code, CampaignChanges.ReservedCode, StringComparison.OrdinalIgnoreCase))
        {
            Errors = new EditErrors();
            Errors.Add(EditIds.Code, text["campaign.field_code"], text["campaign.error_code_taken"]);
            return Show(StatusCodes.Status400BadRequest);
        }

        var change = IsNew
            ? await changes.CreateAsync(code, read.Definition, User, HttpContext.RequestAborted)
            : await changes.UpdateAsync(code, read.Definition, User, HttpContext.RequestAborted);
        switch (change.Outcome)
        {
            case CampaignChangeOutcome.Saved:
                return LocalRedirect(DashboardPaths.EditCampaign(code) + "?saved=true");
            case CampaignChangeOutcome.Invalid:
                return Invalid(change.Errors, read);
            case CampaignChangeOutcome.NotFound:
                return NotFound();
            case CampaignChangeOutcome.Conflict when IsNew:
                Errors = new EditErrors();
                Errors.Add(EditIds.Code, text["campaign.field_code"], text["campaign.error_code_taken"]);
                return Show(StatusCodes.Status409Conflict);
            default:
                // Keep what was typed; saving again now replaces the other version, which the message says.
                Conflict = true;
                var stored = await campaigns.GetAsync(code, HttpContext.RequestAborted);
                if (stored is null)
                    return NotFound();
                Form.Version = stored.Version;
                return Show(StatusCodes.Status409Conflict);
        }
    }

    private PageResult Invalid(IReadOnlyDictionary<string, string[]> errors, EditDefinition read)
    {
        Errors = EditErrors.Map(errors, read, text);
        return Show(StatusCodes.Status400BadRequest);
    }

    private PageResult Show(int status = StatusCodes.Status200OK)
    {
        Form.AddBlankRows();
        Languages = EditLanguages.Listed(Form.Languages, botTexts.Languages);
        Preview = EditPreview.Build(Form.ToDefinition().Definition, botTexts);
        ViewData["Title"] = IsNew ? text["campaign.title_new"] : text.Format("campaign.title_edit", Code);
        var page = Page();
        page.StatusCode = status;
        return page;
    }

    /// <summary>A draft in the dashboard's language with the default themes, to start from.</summary>
    private CampaignDefinition NewCampaign()
    {
        var draft = new Campaign
        {
            Code = string.Empty,
            Titles = new Dictionary<string, string>(),
            Questions = new Dictionary<string, string>(),
            Languages = [botTexts.Supports(text.Language) ? text.Language : botTexts.DefaultLanguage],
            Taxonomy = DefaultCampaign.DefaultThemes(botTexts),
            Status = CampaignStatus.Draft,
        };
        return CampaignDefinition.From(draft) with { Code = null };
    }
}
