using CitizenData.Bot.Campaigns;
using CitizenData.Bot.Conversations.Localisation;
using CitizenData.Feedback.Storage;

namespace CitizenData.Bot.Hosting;

/// <summary>Brings the schema up to date and makes sure the default campaign exists, before anything else starts.</summary>
public sealed partial class StorageInitializer(IFeedbackStorage storage, BotTexts texts, ILogger<StorageInitializer> logger) : IHostedService
{
    public bool Ready { get; private set; }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await storage.MigrateAsync(cancellationToken);
        var campaign = DefaultCampaign.Create(texts);
        if (await storage.Campaigns.GetAsync(campaign.Code, cancellationToken) is null)
        {
            try
            {
                await storage.Campaigns.SaveAsync(campaign, cancellationToken);
                LogCreated(campaign.Code);
            }
            catch (ConcurrencyConflictException)
            {
                // Another instance created it first.
            }
        }
        Ready = true;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Created the default campaign '{Code}'.")]
    private partial void LogCreated(string code);
}
