namespace CitizenData.Feedback.Campaigns;

/// <summary>Picks the text for a language, falling back to the campaign's first language, then to any text.</summary>
public static class Localised
{
    public static string Pick(IReadOnlyDictionary<string, string> texts, string language, IReadOnlyList<string> fallbacks)
    {
        ArgumentNullException.ThrowIfNull(texts);
        ArgumentNullException.ThrowIfNull(fallbacks);
        if (texts.TryGetValue(language, out var text))
            return text;
        foreach (var fallback in fallbacks.Append("en"))
            if (texts.TryGetValue(fallback, out var other))
                return other;
        return texts.Values.FirstOrDefault() ?? string.Empty;
    }
}
