namespace CitizenData.Bot.Conversations.Flows;

/// <summary>A slash command as residents type it: "/start community", "/help@CitizenDataBot".</summary>
public sealed record Command(string Name, string Argument)
{
    public static readonly IReadOnlyList<string> Known = ["start", "help", "language", "mydata", "forget", "stop", "updates"];

    public static Command? Parse(string text)
    {
        if (!text.StartsWith('/') || text.Length < 2)
            return null;
        var space = text.IndexOfAny([' ', '\n', '\t']);
        var head = space < 0 ? text[1..] : text[1..space];
        var argument = space < 0 ? string.Empty : text[(space + 1)..].Trim();
        // Telegram groups address commands to a bot as /command@botname.
        var at = head.IndexOf('@', StringComparison.Ordinal);
        var name = (at < 0 ? head : head[..at]).ToLowerInvariant();
        return new Command(name, argument);
    }

    public bool IsKnown => Known.Contains(Name);
}
