using CitizenData.Feedback.Storage;
using Microsoft.Extensions.Options;

namespace CitizenData.Bot.Channels.DirectLine;

/// <summary>
/// Keeps residents' own words in the Direct Line log only as long as a transport needs them (a reload, a resume the next
/// morning): consent comes before collection, and the log is not where what people said is kept.
/// </summary>
public sealed partial class DirectLineRetentionWorker(IFeedbackStorage storage, IOptions<DirectLineOptions> options, TimeProvider clock, ILogger<DirectLineRetentionWorker> logger) : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromHours(1);

    /// <summary>One pass: deletes the residents' activities older than the retention. Returns how many went.</summary>
    public async Task<int> PruneAsync(CancellationToken cancellationToken)
    {
        var before = clock.GetUtcNow() - options.Value.UserActivityRetention;
        var deleted = await storage.DirectLine.DeleteActivitiesAsync(DirectLineConversations.UserSourceKeyPrefix, before, cancellationToken);
        if (deleted > 0)
            LogPruned(deleted, options.Value.UserActivityRetention);
        return deleted;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var failures = 0;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await PruneAsync(stoppingToken);
                failures = 0;
                await Task.Delay(Interval, clock, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                if (failures++ == 0)
                    LogFailure(e);
                await Task.Delay(TimeSpan.FromMinutes(Math.Min(30, failures)), clock, stoppingToken);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Deleted {Count} resident messages older than {Retention} from the Direct Line log.")]
    private partial void LogPruned(int count, TimeSpan retention);

    [LoggerMessage(Level = LogLevel.Error, Message = "Pruning the Direct Line log failed; retrying with backoff.")]
    private partial void LogFailure(Exception exception);
}
