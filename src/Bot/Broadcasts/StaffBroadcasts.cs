using System.Security.Claims;
using CitizenData.Bot.Admin.Audit;
using CitizenData.Bot.Admin.Auth;
using CitizenData.Feedback.Broadcasts;
using CitizenData.Feedback.Storage;
using Microsoft.Extensions.Options;

namespace CitizenData.Bot.Broadcasts;

/// <summary>
/// What staff do to broadcasts, the same through the admin API and the dashboard: draft one (checked, rendered in
/// every language, audited) and approve one (audited; wakes the broadcast worker).
/// </summary>
public sealed class StaffBroadcasts(
    IFeedbackStorage storage,
    BroadcastService broadcasts,
    BroadcastSignal signal,
    StaffAudit audit,
    IOptions<BroadcastOptions> options)
{
    /// <summary>Staff's words are followed by the summary and actions in one chat message, so they must stay short.</summary>
    public const int MaxMessageLength = 2000;

    public async Task<DraftOutcome> DraftAsync(string code, DraftRequest request, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var (draft, problem) = Prepare(code, request, StaffActor.Name(user));
        if (problem is { } refused)
            return new DraftOutcome.Refused(refused);
        if (await storage.Campaigns.GetAsync(code, cancellationToken) is not { } campaign)
            return new DraftOutcome.NoSuchCampaign();
        var saved = await broadcasts.DraftAsync(campaign, draft with { CampaignCode = campaign.Code }, cancellationToken);
        await audit.RecordAsync(user, "broadcast.draft", "broadcast:" + saved.Id, new { code }, cancellationToken);
        return new DraftOutcome.Drafted(saved);
    }

    /// <summary>
    /// The unsaved draft a request describes, and what is wrong with it if anything. The composer previews this very
    /// draft, so what staff see before saving is what is saved.
    /// </summary>
    public static (Broadcast Draft, DraftProblem? Problem) Prepare(string campaignCode, DraftRequest request, string? createdBy)
    {
        ArgumentNullException.ThrowIfNull(request);
        // One message for all languages is given under "en" and used wherever no translation exists.
        var messages = request.Messages is { Count: > 0 } given
            ? given.Where(m => !string.IsNullOrWhiteSpace(m.Value)).ToDictionary(m => m.Key, m => m.Value.Trim(), StringComparer.Ordinal)
            : !string.IsNullOrWhiteSpace(request.Message) ? new Dictionary<string, string> { ["en"] = request.Message.Trim() } : [];
        var draft = new Broadcast
        {
            Id = string.Empty,
            CampaignCode = campaignCode,
            Messages = messages,
            IncludeSummary = request.IncludeSummary,
            IncludeChart = request.IncludeChart,
            IncludeActions = request.IncludeActions,
            Audience = request.Audience ?? new BroadcastAudience(),
            From = request.From,
            To = request.To,
            CreatedBy = createdBy,
        };
        DraftProblem? problem =
            messages.Count == 0 && !request.IncludeSummary && !request.IncludeActions ? DraftProblem.MessageRequired
            : messages.Values.Any(m => m.Length > MaxMessageLength) ? DraftProblem.MessageTooLong
            : request.From is { } from && request.To is { } to && to <= from ? DraftProblem.PeriodBackwards
            : null;
        return (draft, problem);
    }

    public async Task<ApprovalOutcome> ApproveAsync(string id, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        if (await storage.Broadcasts.GetAsync(id, cancellationToken) is not { } broadcast)
            return new ApprovalOutcome.NoSuchBroadcast();
        if (broadcast.Status != BroadcastStatus.Draft)
            return new ApprovalOutcome.NotADraft(broadcast);
        var approver = StaffActor.Name(user);
        if (MustBeSomeoneElse(broadcast, approver))
            return new ApprovalOutcome.OwnDraft(broadcast);
        Broadcast? approved;
        try
        {
            approved = await broadcasts.ApproveAsync(broadcast, approver, cancellationToken);
        }
        catch (ConcurrencyConflictException)
        {
            // Someone else changed it in between (most likely approved it): report what it is now.
            return new ApprovalOutcome.NotADraft(await storage.Broadcasts.GetAsync(id, cancellationToken) ?? broadcast);
        }
        if (approved is null)
            return new ApprovalOutcome.NotADraft(broadcast);
        await audit.RecordAsync(user, "broadcast.approve", "broadcast:" + id, null, cancellationToken);
        signal.Notify();
        return new ApprovalOutcome.Approved(approved);
    }

    /// <summary>With four-eyes approval on, whoever drafted a broadcast may not approve it, whatever their role.</summary>
    public bool MustBeSomeoneElse(Broadcast broadcast, string approver)
    {
        ArgumentNullException.ThrowIfNull(broadcast);
        return options.Value.FourEyes && string.Equals(broadcast.CreatedBy, approver, StringComparison.Ordinal);
    }
}

public abstract record DraftOutcome
{
    public sealed record Drafted(Broadcast Broadcast) : DraftOutcome;

    public sealed record Refused(DraftProblem Problem) : DraftOutcome;

    public sealed record NoSuchCampaign : DraftOutcome;
}

/// <summary>Why a draft was refused; nothing is stored.</summary>
public enum DraftProblem
{
    /// <summary>No words of staff's own, and neither the summary nor actions to send.</summary>
    MessageRequired,
    MessageTooLong,
    /// <summary>The period ends before it starts.</summary>
    PeriodBackwards,
}

public abstract record ApprovalOutcome
{
    public sealed record Approved(Broadcast Broadcast) : ApprovalOutcome;

    /// <summary>Approved already (or cancelled): <paramref name="Broadcast"/> as it is.</summary>
    public sealed record NotADraft(Broadcast Broadcast) : ApprovalOutcome;

    /// <summary>Four-eyes approval: the one who drafted it asked to approve it.</summary>
    public sealed record OwnDraft(Broadcast Broadcast) : ApprovalOutcome;

    public sealed record NoSuchBroadcast : ApprovalOutcome;
}
