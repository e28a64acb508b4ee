namespace CitizenData.Bot.Admin.Dashboard.Pages.Campaigns;

/// <summary>
/// One text of a row in one language (a theme's name in Hindi), rendered by <c>EditLanguageInput.cshtml</c>: hidden
/// while the campaign does not offer the language, but still posted, so unticking a language loses nothing.
/// </summary>
public sealed record EditLanguageField(
    string Id,
    string Name,
    string? Value,
    string Label,
    string Language,
    string LanguageName,
    bool Offered,
    EditErrors Errors,
    bool Multiline = false);
