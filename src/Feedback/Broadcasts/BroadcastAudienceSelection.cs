using CitizenData.Feedback.Participants;
using CitizenData.Feedback.Storage;

namespace CitizenData.Feedback.Broadcasts;

/// <summary>
/// Who of a campaign's participants a broadcast considers and what becomes of each: the one rule the enqueuer sends
/// by and the dashboard counts recipients by, so the count staff see before approving is the count that is sent.
/// </summary>
/// <remarks>
/// Participants are walked in id order, a page at a time. Those who have not consented, or fall outside the
/// audience's filters (channel, language, location, themes raised), are left out; the rest are queued, or counted as
/// opted out or unreachable.
/// </remarks>
public sealed class BroadcastAudienceSelection(IBroadcastStore store)
{
    /// <summary>The profile question an audience's locations filter on.</summary>
    public const string LocationQuestion = "location";

    /// <summary>
    /// The next page of participants after <paramref name="afterId"/> that the broadcast considers, or null when the
    /// campaign has no more. The page's cursor is the last participant read, considered or not.
    /// </summary>
    public async Task<AudiencePage?> NextAsync(string campaignCode, BroadcastAudience audience, string? afterId, int pageSize, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(audience);
        var page = await store.ParticipantsAfterAsync(campaignCode, afterId, Math.Max(1, pageSize), cancellationToken);
        if (page.Count == 0)
            return null;
        var raised = audience.Themes.Count > 0
            ? await store.RaisedAnyAsync([.. page.Select(p => p.Id)], audience.Themes, cancellationToken)
            : null;
        var considered = page
            .Where(p => Admits(audience, p, raised))
            .Select(p => new ConsideredParticipant(p, OutcomeOf(p)))
            .ToList();
        return new AudiencePage(page[^1].Id, considered);
    }

    /// <summary>How many of the campaign's participants the audience would reach, and how many it would count but not send to.</summary>
    public async Task<AudienceCount> CountAsync(string campaignCode, BroadcastAudience audience, int pageSize, CancellationToken cancellationToken = default)
    {
        var (queued, optedOut, unreachable) = (0, 0, 0);
        string? cursor = null;
        while (await NextAsync(campaignCode, audience, cursor, pageSize, cancellationToken) is { } page)
        {
            foreach (var participant in page.Considered)
            {
                switch (participant.Outcome)
                {
                    case RecipientOutcome.Queued: queued++; break;
                    case RecipientOutcome.OptedOut: optedOut++; break;
                    case RecipientOutcome.Unreachable: unreachable++; break;
                }
            }
            cursor = page.Cursor;
        }
        return new AudienceCount(queued, optedOut, unreachable);
    }

    private static bool Admits(BroadcastAudience audience, Participant participant, IReadOnlySet<string>? raised)
    {
        if (!participant.HasConsented)
            return false;
        if (audience.Channels.Count > 0 && !audience.Channels.Contains(participant.Channel, StringComparer.OrdinalIgnoreCase))
            return false;
        if (audience.Languages.Count > 0 && !audience.Languages.Contains(participant.Language ?? string.Empty, StringComparer.OrdinalIgnoreCase))
            return false;
        if (audience.Locations.Count > 0 && !(participant.Profile.TryGetValue(LocationQuestion, out var location) && audience.Locations.Contains(location, StringComparer.OrdinalIgnoreCase)))
            return false;
        return raised is null || raised.Contains(participant.Id);
    }

    private static RecipientOutcome OutcomeOf(Participant participant) =>
        participant.OptedOut ? RecipientOutcome.OptedOut
        : participant.Unreachable ? RecipientOutcome.Unreachable
        : RecipientOutcome.Queued;
}

/// <param name="Cursor">The id of the last participant read; the next page starts after it.</param>
public sealed record AudiencePage(string Cursor, IReadOnlyList<ConsideredParticipant> Considered);

public sealed record ConsideredParticipant(Participant Participant, RecipientOutcome Outcome);

/// <param name="Recipients">Participants who would get the message.</param>
/// <param name="OptedOut">In the audience, but said /stop: counted, never sent to.</param>
/// <param name="Unreachable">In the audience, but their channel refused them (blocked the bot): counted, never sent to.</param>
public sealed record AudienceCount(int Recipients, int OptedOut, int Unreachable);
