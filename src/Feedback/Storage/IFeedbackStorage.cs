namespace CitizenData.Feedback.Storage;

/// <summary>All storage ports of one backing store, opened and migrated together.</summary>
public interface IFeedbackStorage
{
    ICampaignStore Campaigns { get; }
    IParticipantStore Participants { get; }
    ISubmissionStore Submissions { get; }
    IConversationStateStore ConversationStates { get; }
    IInbox Inbox { get; }
    IOutbox Outbox { get; }
    ITurnStore Turns { get; }
    IStaffStore Staff { get; }
    IAuditLog Audit { get; }
    IThemeModelStore ThemeModels { get; }
    IDirectLineStore DirectLine { get; }
    ISummaryStore Summaries { get; }
    IBroadcastStore Broadcasts { get; }
    IActionStore Actions { get; }

    /// <summary>Creates or upgrades the schema. Safe to call on every start.</summary>
    Task MigrateAsync(CancellationToken cancellationToken = default);
}
