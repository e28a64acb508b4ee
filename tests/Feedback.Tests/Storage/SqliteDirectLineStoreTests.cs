using CitizenData.Feedback.Storage;

namespace CitizenData.Feedback.Tests.Storage;

public sealed class SqliteDirectLineStoreTests : DirectLineStoreContractTests
{
    private readonly TempSqliteFile file = new("citizendata-directline-");

    protected override Task<IFeedbackStorage> CreateStorageAsync() => file.OpenAsync();

    public override Task DisposeAsync()
    {
        file.Delete();
        return Task.CompletedTask;
    }

    protected override Task AssertNothingStoredMentionsAsync(params string[] needles) => file.AssertNothingMentionsAsync(needles);
}
