using CitizenData.Feedback.Broadcasts;

namespace CitizenData.Bot.Admin.Dashboard.Pages.Broadcasts;

/// <summary>Where a broadcast is, as staff think of it: the stored status, with "enqueued" split by whether anything is still to send.</summary>
public enum BroadcastPhase
{
    Draft,
    /// <summary>Approved; recipients are being put into the outbox.</summary>
    Queueing,
    Sending,
    /// <summary>Nothing left to send: the delivery report is final.</summary>
    Finished,
    Cancelled,
}

public static class BroadcastPhases
{
    public static BroadcastPhase Of(Broadcast broadcast, BroadcastCounts counts)
    {
        ArgumentNullException.ThrowIfNull(broadcast);
        ArgumentNullException.ThrowIfNull(counts);
        return broadcast.Status switch
        {
            BroadcastStatus.Draft => BroadcastPhase.Draft,
            BroadcastStatus.Approved => BroadcastPhase.Queueing,
            BroadcastStatus.Enqueued => counts.Queued > 0 ? BroadcastPhase.Sending : BroadcastPhase.Finished,
            _ => BroadcastPhase.Cancelled,
        };
    }

    /// <summary>The dashboard text naming the phase.</summary>
    public static string TextKey(BroadcastPhase phase) => "broadcasts.phase_" + phase.ToString().ToLowerInvariant();
}
