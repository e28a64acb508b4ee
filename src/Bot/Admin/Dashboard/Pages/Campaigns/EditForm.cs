using System.Globalization;
using CitizenData.Bot.Admin.Campaigns;

namespace CitizenData.Bot.Admin.Dashboard.Pages.Campaigns;

/// <summary>
/// What the campaign editor's inputs post, and how it becomes the admin API's <see cref="CampaignDefinition"/> (which
/// does the validating). Lists are rows: the stored ones plus one blank row to add another; a blank row is ignored and
/// a row ticked "remove" is left out, but both stay in the form so nothing typed is lost when the page comes back.
/// </summary>
public sealed class EditForm
{
    /// <summary>Only when creating; an existing campaign's code comes from the address.</summary>
    public string? Code { get; set; }

    /// <summary>The version the editor was opened on, so a save does not overwrite someone else's meanwhile.</summary>
    public long Version { get; set; }

    public string? Status { get; set; }

    public string? Organisation { get; set; }

    public string? ConsentVersion { get; set; }

    /// <summary>In the order the campaign prefers them (the first is the fallback for a missing text).</summary>
    public List<string> Languages { get; set; } = [];

    public Dictionary<string, string?> Titles { get; set; } = [];

    public Dictionary<string, string?> Questions { get; set; } = [];

    public List<EditProfileRow> Profile { get; set; } = [];

    public List<EditThemeRow> Themes { get; set; } = [];

    /// <summary>As typed, so "abc" can be answered with a message instead of vanishing.</summary>
    public string? PrivacyThreshold { get; set; }

    public string? ReviewThreshold { get; set; }

    public static EditForm From(CampaignDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        return new EditForm
        {
            Code = definition.Code,
            Version = definition.Version ?? 0,
            Status = definition.Status,
            Organisation = definition.Organisation,
            ConsentVersion = definition.ConsentVersion,
            Languages = [.. definition.Languages ?? []],
            Titles = Editable(definition.Titles),
            Questions = Editable(definition.Questions),
            Profile = (definition.ProfileQuestions ?? []).Select(q => new EditProfileRow
            {
                Key = q.Key,
                Prompts = Editable(q.Prompts),
                Purposes = Editable(q.Purposes),
                IsMarginalisationFactor = q.IsMarginalisationFactor,
                Choices = (q.Choices ?? []).Select(c => new EditChoiceRow { Value = c.Value, Labels = Editable(c.Labels) }).ToList(),
            }).ToList(),
            Themes = (definition.Taxonomy ?? []).Select(t => new EditThemeRow
            {
                Key = t.Key,
                Names = Editable(t.Names),
                Descriptions = Editable(t.Descriptions),
                SeedExamples = string.Join('\n', t.SeedExamples ?? []),
            }).ToList(),
            PrivacyThreshold = definition.PrivacyThreshold?.ToString(CultureInfo.InvariantCulture),
            ReviewThreshold = definition.ReviewThreshold?.ToString(CultureInfo.InvariantCulture),
        };
    }

    /// <summary>
    /// The definition to validate and save, which form row each of its list items came from (errors name list items by
    /// their index in the definition), and the fields that could not even be read as numbers.
    /// </summary>
    public EditDefinition ToDefinition()
    {
        var unreadable = new Dictionary<string, string[]>();
        int? privacyThreshold = null;
        if (!string.IsNullOrWhiteSpace(PrivacyThreshold))
        {
            if (int.TryParse(PrivacyThreshold.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var k))
                privacyThreshold = k;
            else
                unreadable["privacyThreshold"] = ["The privacy threshold is a whole number."];
        }
        double? reviewThreshold = null;
        if (!string.IsNullOrWhiteSpace(ReviewThreshold))
        {
            // A number input always posts "0.6"; someone typing "0,6" into a plain field means the same.
            if (double.TryParse(ReviewThreshold.Trim().Replace(',', '.'), NumberStyles.Float, CultureInfo.InvariantCulture, out var confidence))
                reviewThreshold = confidence;
            else
                unreadable["reviewThreshold"] = ["The review threshold is a number."];
        }

        var themeRows = Kept(Themes, t => t.IsBlank || t.Remove);
        var profileRows = Kept(Profile, q => q.IsBlank || q.Remove);
        var choiceRows = profileRows.Select(row => Kept(Profile[row].Choices, c => c.IsBlank || c.Remove)).ToList();
        var definition = new CampaignDefinition
        {
            Titles = Filled(Titles),
            Questions = Filled(Questions),
            Languages = [.. Languages.Select(l => l.Trim()).Where(l => l.Length > 0).Distinct(StringComparer.Ordinal)],
            Taxonomy = themeRows.Select(row => Themes[row]).Select(t => new ThemeDefinition(
                Trimmed(t.Key), Filled(t.Names), Filled(t.Descriptions), Lines(t.SeedExamples))).ToList(),
            ProfileQuestions = profileRows.Select((row, i) => (Question: Profile[row], Choices: choiceRows[i])).Select(p => new ProfileQuestionDefinition(
                Trimmed(p.Question.Key),
                Filled(p.Question.Prompts),
                Filled(p.Question.Purposes),
                p.Choices.Select(c => p.Question.Choices[c]).Select(c => new ChoiceDefinition(Trimmed(c.Value), Filled(c.Labels))).ToList(),
                p.Question.IsMarginalisationFactor)).ToList(),
            Organisation = Trimmed(Organisation),
            PrivacyThreshold = privacyThreshold,
            ReviewThreshold = reviewThreshold,
            Status = Trimmed(Status),
            ConsentVersion = Trimmed(ConsentVersion),
            Version = Version,
        };
        return new EditDefinition(definition, unreadable, themeRows, profileRows, choiceRows);
    }

    /// <summary>Makes sure the form ends with a blank row of each list, for adding one.</summary>
    public void AddBlankRows()
    {
        if (Themes.Count == 0 || !Themes[^1].IsBlank)
            Themes.Add(new EditThemeRow());
        if (Profile.Count == 0 || !Profile[^1].IsBlank)
            Profile.Add(new EditProfileRow());
        foreach (var question in Profile)
            if (question.Choices.Count == 0 || !question.Choices[^1].IsBlank)
                question.Choices.Add(new EditChoiceRow());
    }

    internal static bool IsEmpty(string? text) => string.IsNullOrWhiteSpace(text);

    internal static bool AllEmpty(Dictionary<string, string?> texts) => texts.Values.All(IsEmpty);

    private static List<int> Kept<T>(List<T> rows, Func<T, bool> leftOut) =>
        [.. Enumerable.Range(0, rows.Count).Where(i => !leftOut(rows[i]))];

    private static Dictionary<string, string?> Editable(Dictionary<string, string>? texts) =>
        texts?.ToDictionary(t => t.Key, t => (string?)t.Value) ?? [];

    /// <summary>Only the languages with text: an empty input is a missing text, which the rules report by language.</summary>
    private static Dictionary<string, string> Filled(Dictionary<string, string?> texts) =>
        texts.Where(t => !IsEmpty(t.Value)).ToDictionary(t => t.Key, t => t.Value!.Trim());

    private static string? Trimmed(string? text) => IsEmpty(text) ? null : text!.Trim();

    private static List<string> Lines(string? text) =>
        [.. (text ?? string.Empty).Split('\n').Select(line => line.Trim()).Where(line => line.Length > 0)];
}

/// <summary>A theme row: key, name and description per language, seed examples one per line.</summary>
public sealed class EditThemeRow
{
    public string? Key { get; set; }

    public Dictionary<string, string?> Names { get; set; } = [];

    public Dictionary<string, string?> Descriptions { get; set; } = [];

    public string? SeedExamples { get; set; }

    public bool Remove { get; set; }

    public bool IsBlank => EditForm.IsEmpty(Key) && EditForm.AllEmpty(Names) && EditForm.AllEmpty(Descriptions) && EditForm.IsEmpty(SeedExamples);
}

/// <summary>A profile question row: key, text and purpose per language, whether it is a factor of marginalisation, its choices.</summary>
public sealed class EditProfileRow
{
    public string? Key { get; set; }

    public Dictionary<string, string?> Prompts { get; set; } = [];

    public Dictionary<string, string?> Purposes { get; set; } = [];

    public bool IsMarginalisationFactor { get; set; }

    public List<EditChoiceRow> Choices { get; set; } = [];

    public bool Remove { get; set; }

    public bool IsBlank => EditForm.IsEmpty(Key) && EditForm.AllEmpty(Prompts) && EditForm.AllEmpty(Purposes) && Choices.All(c => c.IsBlank);
}

/// <summary>A choice of a profile question: the stored value and its label per language.</summary>
public sealed class EditChoiceRow
{
    public string? Value { get; set; }

    public Dictionary<string, string?> Labels { get; set; } = [];

    public bool Remove { get; set; }

    public bool IsBlank => EditForm.IsEmpty(Value) && EditForm.AllEmpty(Labels);
}

/// <summary>
/// The definition read from the form; <c>ThemeRows[i]</c> is the form row of <c>taxonomy[i]</c>, likewise
/// <c>ProfileRows</c> and <c>ChoiceRows[i][c]</c> for <c>profileQuestions[i].choices[c]</c>.
/// </summary>
public sealed record EditDefinition(
    CampaignDefinition Definition,
    IReadOnlyDictionary<string, string[]> Unreadable,
    IReadOnlyList<int> ThemeRows,
    IReadOnlyList<int> ProfileRows,
    IReadOnlyList<List<int>> ChoiceRows);
