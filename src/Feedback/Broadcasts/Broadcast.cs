namespace CitizenData.Feedback.Broadcasts;

/// <summary>
/// A message to a campaign's participants: drafted by staff, previewed per language, approved by an approver, then
/// enqueued into the outbox recipient by recipient and delivered at each channel's pace.
/// </summary>
public sealed record Broadcast
{
    public required string Id { get; init; }
    public required string CampaignCode { get; init; }
    public BroadcastStatus Status { get; init; } = BroadcastStatus.Draft;
    /// <summary>Staff's own words per language; a language without one uses the first given.</summary>
    public IReadOnlyDictionary<string, string> Messages { get; init; } = new Dictionary<string, string>();
    public bool IncludeSummary { get; init; } = true;
    public bool IncludeChart { get; init; } = true;
    public bool IncludeActions { get; init; } = true;
    public BroadcastAudience Audience { get; init; } = new();
    /// <summary>The period the summary covers.</summary>
    public DateTimeOffset? From { get; init; }
    public DateTimeOffset? To { get; init; }
    /// <summary>The message each language's recipients get, rendered when the draft was made; what the approver approves.</summary>
    public IReadOnlyDictionary<string, string> Previews { get; init; } = new Dictionary<string, string>();
    /// <summary>Languages with a chart in the broadcast's media (named "{language}.png").</summary>
    public IReadOnlyList<string> ChartLanguages { get; init; } = [];
    public string? CreatedBy { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public string? ApprovedBy { get; init; }
    public DateTimeOffset? ApprovedAt { get; init; }
    /// <summary>When every recipient's message was in the outbox.</summary>
    public DateTimeOffset? EnqueuedAt { get; init; }
    public long Version { get; init; }

    /// <summary>128 random bits: the id is also the unguessable part of the chart's URL.</summary>
    public static string NewId() => "b_" + Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(16));

    public string Preview(string language) =>
        Previews.TryGetValue(language, out var text) ? text : Previews.TryGetValue("en", out var english) ? english : Previews.Values.FirstOrDefault() ?? string.Empty;
}

public enum BroadcastStatus
{
    Draft,
    /// <summary>Approved; the enqueuer is putting it into the outbox.</summary>
    Approved,
    /// <summary>Every recipient's message is in the outbox; the channel senders deliver it.</summary>
    Enqueued,
    Cancelled,
}

/// <summary>Who receives a broadcast: the campaign's consenting participants, narrowed by any filter that is set.</summary>
public sealed record BroadcastAudience
{
    public IReadOnlyList<string> Languages { get; init; } = [];
    public IReadOnlyList<string> Locations { get; init; } = [];
    /// <summary>Only participants who raised one of these themes.</summary>
    public IReadOnlyList<string> Themes { get; init; } = [];
    public IReadOnlyList<string> Channels { get; init; } = [];
}

/// <summary>What became of one participant the broadcast considered.</summary>
public enum RecipientOutcome
{
    Queued,
    OptedOut,
    Unreachable,
}

/// <summary>Delivery report: messages by outbox state, and participants the broadcast did not send to.</summary>
public sealed record BroadcastCounts(int Queued, int Sent, int Failed, int Unreachable, int OptedOut);

/// <summary>A participant the enqueuer considered, and their message when they get one.</summary>
public sealed record BroadcastRecipient(string ParticipantId, RecipientOutcome Outcome, Storage.OutboxEntry? Message);

public sealed record BroadcastMedia(string ContentType, byte[] Content);
