namespace CitizenData.Bot.Channels.DirectLine;

/// <summary>The <c>DirectLine</c> configuration section.</summary>
public sealed class DirectLineOptions
{
    public const string Section = "DirectLine";

    /// <summary>Authorises trusted clients. Absent: generated on first run and stored in the database.</summary>
    public string? Secret { get; set; }

    /// <summary>Signs tokens (HMAC-SHA256). Absent: generated on first run and stored in the database.</summary>
    public string? TokenSigningKey { get; set; }

    /// <summary>How long a token is valid; clients refresh it halfway (Direct Line's 30 minutes).</summary>
    public TimeSpan TokenLifetime { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>
    /// How long after it expired a token of the web chat page still lets the page resume its conversation with a new
    /// token, so a resident coming back days later gets the replies and broadcasts queued while they were away.
    /// </summary>
    public TimeSpan ResumeWindow { get; set; } = TimeSpan.FromDays(90);

    /// <summary>Largest request body accepted on an activity (a message of the longest allowed text fits easily).</summary>
    public int MaxActivityBytes { get; set; } = 32 * 1024;

    /// <summary>Activities a conversation may post in a burst, and per minute on average.</summary>
    public int ActivityBurst { get; set; } = 10;
    public int ActivitiesPerMinute { get; set; } = 30;

    /// <summary>Web chat tokens one client address may get per minute (<c>POST /api/webchat/token</c>).</summary>
    public int WebChatTokensPerMinute { get; set; } = 10;

    /// <summary>
    /// How long the conversation log keeps what residents typed (the echoes that show their side of the chat). After
    /// that only the bot's side stays; what a consenting resident said lives on as their submissions.
    /// </summary>
    public TimeSpan UserActivityRetention { get; set; } = TimeSpan.FromDays(1);

    /// <summary>How often an idle WebSocket gets an empty keep-alive frame.</summary>
    public TimeSpan KeepAliveInterval { get; set; } = TimeSpan.FromSeconds(15);
}
