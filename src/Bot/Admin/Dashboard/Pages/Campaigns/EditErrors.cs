using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace CitizenData.Bot.Admin.Dashboard.Pages.Campaigns;

/// <summary>
/// The editor's error messages, placed beside the inputs they are about. <see cref="Map"/> reads the errors of
/// <see cref="Admin.Campaigns.CampaignDefinition.ToCampaign"/>, named by JSON path (<c>taxonomy[2].key</c>), finds the
/// form row and the input each is about, and says it in the dashboard's language; a missing text "for each offered
/// language" goes beside each offered language's empty input.
/// </summary>
public sealed partial class EditErrors
{
    private readonly Dictionary<string, List<string>> beside = new(StringComparer.Ordinal);
    private readonly List<EditError> summary = [];

    public static EditErrors None => new();

    public bool Any => summary.Count > 0;

    /// <summary>Every error, in the order of the form, each linking to its input.</summary>
    public IReadOnlyList<EditError> Summary => summary;

    public bool Has(string id) => beside.ContainsKey(id);

    /// <summary>Whether anything inside a row (<c>theme-3</c>: its key, names…) has an error, so the row opens.</summary>
    public bool Within(string rowId) => beside.Keys.Any(id => id.StartsWith(rowId + "-", StringComparison.Ordinal));

    /// <summary>For an input's <c>aria-describedby</c>: its error message's id, or nothing.</summary>
    public string? DescribedBy(string id) => Has(id) ? EditIds.ErrorOf(id) : null;

    /// <summary>For an input's <c>aria-invalid</c>.</summary>
    public string? Invalid(string id) => Has(id) ? "true" : null;

    /// <summary>The messages about the element with this id, to put right after it.</summary>
    public IHtmlContent Beside(string id)
    {
        if (!beside.TryGetValue(id, out var messages))
            return HtmlString.Empty;
        // Ids carry language codes as posted, so they are encoded like any other attribute.
        var paragraph = new TagBuilder("p");
        paragraph.AddCssClass("field-error");
        paragraph.AddCssClass("error");
        paragraph.Attributes["id"] = EditIds.ErrorOf(id);
        paragraph.InnerHtml.Append(string.Join(" ", messages));
        return paragraph;
    }

    public void Add(string id, string field, string message)
    {
        if (!beside.TryGetValue(id, out var messages))
            beside[id] = messages = [];
        if (messages.Contains(message))
            return;
        messages.Add(message);
        summary.Add(new EditError(id, field, message));
    }

    /// <summary>Places the errors of a definition read from <paramref name="read"/>.</summary>
    public static EditErrors Map(IReadOnlyDictionary<string, string[]> errors, EditDefinition read, DashboardLocaliser text)
    {
        ArgumentNullException.ThrowIfNull(errors);
        ArgumentNullException.ThrowIfNull(read);
        ArgumentNullException.ThrowIfNull(text);
        var result = new EditErrors();
        var definition = read.Definition;
        var languages = definition.Languages ?? [];
        string Language(string code) => EditLanguages.Name(text, code);

        // For each offered language without text: the error beside that language's input.
        void EveryLanguage(Dictionary<string, string>? texts, Func<string, string> id, Func<string, string> field, string message)
        {
            foreach (var language in languages.Where(l => texts is null || !texts.ContainsKey(l)))
                result.Add(id(language), field(Language(language)), message);
        }

        var required = text["campaign.error_required_language"];
        foreach (var (path, messages) in errors.OrderBy(e => FormOrder(e.Key)).ThenBy(e => e.Key, StringComparer.Ordinal))
        {
            var match = Path().Match(path);
            var item = match.Groups["item"].Success ? int.Parse(match.Groups["item"].Value, CultureInfo.InvariantCulture) : (int?)null;
            var choice = match.Groups["choice"].Success ? int.Parse(match.Groups["choice"].Value, CultureInfo.InvariantCulture) : (int?)null;
            switch (match.Success ? match.Groups["field"].Value : string.Empty)
            {
                case "code":
                    result.Add(EditIds.Code, text["campaign.field_code"], text["campaign.error_code"]);
                    break;
                case "status":
                    result.Add(EditIds.Status, text["campaign.field_status"], text["campaign.error_status"]);
                    break;
                case "languages":
                    result.Add(EditIds.Languages, text["campaign.field_languages"], text["campaign.error_languages"]);
                    break;
                case "consentVersion":
                    result.Add(EditIds.ConsentVersion, text["campaign.field_consent"], text["campaign.error_consent"]);
                    break;
                case "titles":
                    EveryLanguage(definition.Titles, EditIds.Title, l => text.Format("campaign.field_title", l), required);
                    break;
                case "questions":
                    EveryLanguage(definition.Questions, EditIds.Question, l => text.Format("campaign.field_question", l), required);
                    break;
                case "privacyThreshold":
                    result.Add(EditIds.PrivacyThreshold, text["campaign.field_privacy"], text["campaign.error_privacy"]);
                    break;
                case "reviewThreshold":
                    result.Add(EditIds.ReviewThreshold, text["campaign.field_review"], text["campaign.error_review"]);
                    break;
                case "taxonomy" when item is null:
                    result.Add(EditIds.Taxonomy, text["campaign.field_taxonomy"], text["campaign.error_taxonomy"]);
                    break;
                case "taxonomy" when match.Groups["part"].Value == "key":
                    var keyRow = read.ThemeRows[item.Value];
                    result.Add(EditIds.ThemeKey(keyRow), text.Format("campaign.field_theme_key", keyRow + 1), text["campaign.error_key"]);
                    break;
                case "taxonomy":
                    var namesRow = read.ThemeRows[item.Value];
                    result.Add(EditIds.ThemeNames(namesRow), text.Format("campaign.field_theme_names", namesRow + 1), text["campaign.error_theme_names"]);
                    break;
                case "profileQuestions" when item is not null:
                    MapProfileQuestion(item.Value, match.Groups["part"].Value, choice);
                    break;
                default:
                    // A rule this editor does not know yet: still shown, in the API's words, never dropped.
                    result.Add(EditIds.General, path, string.Join(" ", messages));
                    break;
            }
        }

        void MapProfileQuestion(int index, string part, int? choice)
        {
            var row = read.ProfileRows[index];
            var question = definition.ProfileQuestions![index];
            switch (part)
            {
                case "key":
                    result.Add(EditIds.ProfileKey(row), text.Format("campaign.field_profile_key", row + 1), text["campaign.error_key"]);
                    break;
                case "prompts":
                    EveryLanguage(question.Prompts, l => EditIds.ProfilePrompt(row, l), l => text.Format("campaign.field_profile_prompt", row + 1, l), required);
                    break;
                case "purposes":
                    EveryLanguage(question.Purposes, l => EditIds.ProfilePurpose(row, l), l => text.Format("campaign.field_profile_purpose", row + 1, l), text["campaign.error_purpose"]);
                    break;
                case "choices" when choice is not null:
                    var choiceRow = read.ChoiceRows[index][choice.Value];
                    EveryLanguage(
                        question.Choices![choice.Value].Labels,
                        l => EditIds.ChoiceLabel(row, choiceRow, l),
                        l => text.Format("campaign.field_choice_label", row + 1, choiceRow + 1, l),
                        required);
                    break;
                default:
                    result.Add(EditIds.Choices(row), text.Format("campaign.field_profile_choices", row + 1), text["campaign.error_choices"]);
                    break;
            }
        }
        return result;
    }

    /// <summary>The sections' order on the page, so the summary reads from top to bottom.</summary>
    private static int FormOrder(string path) => path.Split('[', '.')[0] switch
    {
        "code" => 0,
        "status" => 1,
        "languages" => 2,
        "consentVersion" => 3,
        "titles" => 4,
        "questions" => 5,
        "profileQuestions" => 6,
        "taxonomy" => 7,
        "privacyThreshold" => 8,
        "reviewThreshold" => 9,
        _ => 10,
    };

    // code | languages[0] | taxonomy[2].key | profileQuestions[1].choices[3].labels
    [GeneratedRegex(@"^(?<field>[A-Za-z]+)(\[(?<item>\d+)\])?(\.(?<part>[A-Za-z]+)(\[(?<choice>\d+)\](\.[A-Za-z]+)?)?)?$")]
    private static partial Regex Path();
}

/// <summary>One line of the error summary: the input's id, what it is, what is wrong.</summary>
public sealed record EditError(string Id, string Field, string Message);
