namespace CitizenData.Bot.Admin.Dashboard.Pages.Campaigns;

/// <summary>
/// The editor's element ids, in one place because two sides must agree on them: the inputs the page renders and the
/// errors placed beside them (and linked from the summary). Rows are numbered as in the form, not the definition.
/// </summary>
public static class EditIds
{
    /// <summary>The first section (code, status, organisation, languages, consent version).</summary>
    public const string General = "general";
    public const string Code = "code";
    public const string Status = "status";
    public const string Organisation = "organisation";
    public const string ConsentVersion = "consentVersion";
    public const string Languages = "languages";
    public const string Taxonomy = "taxonomy";
    public const string PrivacyThreshold = "privacyThreshold";
    public const string ReviewThreshold = "reviewThreshold";

    public static string Title(string language) => $"title-{language}";

    public static string Question(string language) => $"question-{language}";

    public static string Preview(string language) => $"preview-{language}";

    public static string Theme(int row) => $"theme-{row}";

    public static string ThemeKey(int row) => $"theme-{row}-key";

    public static string ThemeNames(int row) => $"theme-{row}-names";

    public static string ThemeName(int row, string language) => $"theme-{row}-name-{language}";

    public static string ThemeDescription(int row, string language) => $"theme-{row}-description-{language}";

    public static string ThemeSeeds(int row) => $"theme-{row}-seeds";

    public static string ThemeRemove(int row) => $"theme-{row}-remove";

    public static string Profile(int row) => $"profile-{row}";

    public static string ProfileKey(int row) => $"profile-{row}-key";

    public static string ProfileFactor(int row) => $"profile-{row}-factor";

    public static string ProfilePrompt(int row, string language) => $"profile-{row}-prompt-{language}";

    public static string ProfilePurpose(int row, string language) => $"profile-{row}-purpose-{language}";

    public static string ProfileRemove(int row) => $"profile-{row}-remove";

    public static string Choices(int row) => $"profile-{row}-choices";

    public static string ChoiceValue(int row, int choice) => $"profile-{row}-choice-{choice}-value";

    public static string ChoiceLabel(int row, int choice, string language) => $"profile-{row}-choice-{choice}-label-{language}";

    public static string ChoiceRemove(int row, int choice) => $"profile-{row}-choice-{choice}-remove";

    /// <summary>The id of the message beside an input, for its <c>aria-describedby</c>.</summary>
    public static string ErrorOf(string id) => id + "-error";
}
