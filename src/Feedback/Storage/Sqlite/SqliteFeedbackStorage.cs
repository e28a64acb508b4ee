namespace CitizenData.Feedback.Storage.Sqlite;

/// <summary>The storage ports over one SQLite file: the default for a single machine.</summary>
public sealed class SqliteFeedbackStorage : IFeedbackStorage
{
    private readonly SqliteDatabase database;

    public SqliteFeedbackStorage(string path)
    {
        database = new SqliteDatabase(path);
        Campaigns = new SqliteCampaignStore(database);
        Participants = new SqliteParticipantStore(database);
        Submissions = new SqliteSubmissionStore(database);
        ConversationStates = new SqliteConversationStateStore(database);
        Inbox = new SqliteInbox(database);
        Outbox = new SqliteOutbox(database);
        Turns = new SqliteTurnStore(database);
        Staff = new SqliteStaffStore(database);
        Audit = new SqliteAuditLog(database);
        ThemeModels = new SqliteThemeModelStore(database);
        DirectLine = new SqliteDirectLineStore(database);
        Summaries = new SqliteSummaryStore(database);
        Broadcasts = new SqliteBroadcastStore(database);
        Actions = new SqliteActionStore(database);
    }

    public SqliteDatabase Database => database;
    public ICampaignStore Campaigns { get; }
    public IParticipantStore Participants { get; }
    public ISubmissionStore Submissions { get; }
    public IConversationStateStore ConversationStates { get; }
    public IInbox Inbox { get; }
    public IOutbox Outbox { get; }
    public ITurnStore Turns { get; }
    public IStaffStore Staff { get; }
    public IAuditLog Audit { get; }
    public IThemeModelStore ThemeModels { get; }
    public IDirectLineStore DirectLine { get; }
    public ISummaryStore Summaries { get; }
    public IBroadcastStore Broadcasts { get; }
    public IActionStore Actions { get; }

    public Task MigrateAsync(CancellationToken cancellationToken = default) => SqliteSchema.MigrateAsync(database, cancellationToken);
}
