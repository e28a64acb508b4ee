namespace CitizenData.Feedback.Participants;

/// <summary>
/// A person who talks to the bot on one channel. The id is pseudonymous (random, not derived from the channel id).
/// A participant who declined consent is kept only as an opt-out record: no language, profile or input.
/// </summary>
public sealed record Participant
{
    public required string Id { get; init; }
    public required string Channel { get; init; }
    public required string ChannelUserId { get; init; }
    /// <summary>Where replies and broadcasts go on the channel (a Telegram chat id, a Direct Line conversation id).</summary>
    public required string ConversationId { get; init; }
    public required string CampaignCode { get; init; }
    public string? Language { get; init; }
    public ConsentRecord? Consent { get; init; }
    public DateTimeOffset? ConsentDeclinedAt { get; init; }
    /// <summary>Null until the resident has answered the separate question about being quoted.</summary>
    public bool? QuoteConsent { get; init; }
    public IReadOnlyDictionary<string, string> Profile { get; init; } = new Dictionary<string, string>();
    /// <summary>The resident sent /stop: no broadcasts until /start.</summary>
    public bool OptedOut { get; init; }
    /// <summary>The channel refuses delivery (for example the resident blocked the bot).</summary>
    public bool Unreachable { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public long Version { get; init; }

    public bool HasConsented => Consent is not null;

    public static string NewId() => "p_" + Guid.NewGuid().ToString("N")[..20];
}
