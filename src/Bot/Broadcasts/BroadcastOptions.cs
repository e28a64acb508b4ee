namespace CitizenData.Bot.Broadcasts;

/// <summary>Configuration section "Broadcasts".</summary>
public sealed class BroadcastOptions
{
    public const string Section = "Broadcasts";

    /// <summary>
    /// The server's public address (https://feedback.example.org), so chart links in messages are absolute. Empty:
    /// links are relative (/media/…), which web chat resolves against its own page and senders resolve from storage.
    /// </summary>
    public string PublicBaseUrl { get; set; } = string.Empty;

    /// <summary>Recipients enqueued per transaction.</summary>
    public int BatchSize { get; set; } = 500;

    /// <summary>
    /// Four-eyes approval: whoever drafted a broadcast may not approve it (admins included). Off by default, so a
    /// one-person organisation (or an automation with one admin key) can still send.
    /// </summary>
    public bool FourEyes { get; set; }
}
