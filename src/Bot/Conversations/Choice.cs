namespace CitizenData.Bot.Conversations;

/// <summary>
/// A button offered to the resident. <see cref="Key"/> is what channels that can send hidden values send (Telegram's
/// callback data); <see cref="Label"/> is what the resident sees, and what Web Chat sends back when it is pressed.
/// </summary>
public sealed record Choice(string Key, string Label)
{
    public bool Matches(string text) =>
        string.Equals(text, Key, StringComparison.OrdinalIgnoreCase)
        || string.Equals(text, Label, StringComparison.CurrentCultureIgnoreCase);
}
