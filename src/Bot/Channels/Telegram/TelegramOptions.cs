namespace CitizenData.Bot.Channels.Telegram;

/// <summary>The <c>Telegram</c> configuration section. Key names are a stable contract (DESIGN.md).</summary>
public sealed class TelegramOptions
{
    public const string Section = "Telegram";

    /// <summary>The bot token from BotFather. Absent: the channel is off.</summary>
    public string? BotToken { get; set; }

    /// <summary>The Bot API server: production, a self-hosted Bot API server, or a test fake.</summary>
    public string ApiBaseUrl { get; set; } = "https://api.telegram.org";

    public TelegramMode Mode { get; set; } = TelegramMode.Polling;

    /// <summary>Webhook mode: the public HTTPS address of <c>/api/telegram/webhook</c>, passed to setWebhook at start.</summary>
    public string? WebhookUrl { get; set; }

    /// <summary>
    /// Webhook mode: the secret Telegram echoes in <c>X-Telegram-Bot-Api-Secret-Token</c> (1–256 of A–Z a–z 0–9 _ -).
    /// When absent a random one is made at start, so the endpoint is never open.
    /// </summary>
    public string? WebhookSecret { get; set; }

    /// <summary>Polling mode: how long one getUpdates call waits for updates (Telegram allows up to 50 s).</summary>
    public int PollingTimeoutSeconds { get; set; } = 25;

    /// <summary>How many chats are sent to at once; order within a chat is always kept.</summary>
    public int MaxConcurrency { get; set; } = 32;

    public TelegramPacingOptions Pacing { get; set; } = new();

    public bool Enabled => !string.IsNullOrWhiteSpace(BotToken);
}

public enum TelegramMode
{
    Polling,
    Webhook,
}

/// <summary>
/// Outgoing message rates, from Telegram's Bot FAQ: about one message a second per chat (short bursts tolerated),
/// 20 a minute per group, about 30 a second overall; paid broadcasts up to 1,000 a second.
/// </summary>
public sealed class TelegramPacingOptions
{
    public double PerChatPerSecond { get; set; } = 1;

    /// <summary>Messages a private chat may get back to back before the per-chat rate applies (a turn often says two things).</summary>
    public int PerChatBurst { get; set; } = 3;

    public double PerGroupPerMinute { get; set; } = 20;

    public double GlobalPerSecond { get; set; } = 30;

    /// <summary>
    /// Send broadcasts (outbox messages with a group key) with <c>allow_paid_broadcast</c>, which Telegram bills in Stars,
    /// at up to <see cref="PaidBroadcastPerSecond"/>.
    /// </summary>
    public bool PaidBroadcast { get; set; }

    public double PaidBroadcastPerSecond { get; set; } = 1000;
}
