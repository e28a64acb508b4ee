using CitizenData.Bot.Themes;
using CitizenData.Feedback.Storage;
using CitizenData.Feedback.Themes.Learning;
using CitizenData.Feedback.Themes.Serving;
using Microsoft.Extensions.Options;

namespace CitizenData.Bot.Workers;

/// <summary>
/// Loads the current theme model before the host serves (training the seed model on an empty database), then keeps it
/// fresh: picks up versions other instances promoted, and retrains when enough new labels arrived or daily.
/// </summary>
public sealed class ThemeRetrainer(
    IFeedbackStorage storage,
    ThemeLearner learner,
    PooledThemeClassifier classifier,
    IOptions<ThemesOptions> options,
    ILogger<ThemeRetrainer> logger) : BackgroundService
{
    private string? lastFailure;

    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        try
        {
            await storage.MigrateAsync(cancellationToken);
            var (record, model) = await learner.EnsureCurrentAsync(cancellationToken);
            classifier.Swap(model);
            logger.LogInformation("Serving theme model {Version} ({Pipeline}, {Examples} training examples).", record.Version, record.Pipeline, record.TrainingSetSize);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Inputs are stored unclassified meanwhile; the loop below retries.
            ReportFailure(e);
        }
        await base.StartAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        var delay = settings.CheckInterval;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(delay, stoppingToken);
                await RunOnceAsync(stoppingToken);
                delay = settings.CheckInterval;
                lastFailure = null;
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                ReportFailure(e);
                delay = TimeSpan.FromTicks(Math.Min(settings.MaximumBackoff.Ticks, Math.Max(delay.Ticks, TimeSpan.FromSeconds(5).Ticks) * 2));
            }
        }
    }

    /// <summary>One look: serve what is current in the store, and retrain if due.</summary>
    internal async Task RunOnceAsync(CancellationToken cancellationToken)
    {
        var (current, model) = await learner.EnsureCurrentAsync(cancellationToken);
        if (classifier.ModelVersion != current.Version)
        {
            classifier.Swap(model);
            logger.LogInformation("Serving theme model {Version}, promoted elsewhere.", current.Version);
        }
        if (current.CrossValidatedMacroF1 is null)
            await Task.Run(() => learner.CompleteMetricsAsync(current, cancellationToken), cancellationToken);
        if (!await learner.IsRetrainDueAsync(cancellationToken))
            return;
        // Training is CPU-bound for seconds to a minute: keep it off the threads that serve requests' continuations.
        var result = await Task.Run(() => learner.RetrainAsync(cancellationToken), cancellationToken);
        if (result.PromotedModel is { } promoted)
        {
            classifier.Swap(promoted);
            logger.LogInformation(
                "Promoted theme model {Version}: {Examples} training examples, held-back macro-F1 {Candidate:0.000} vs {Current:0.000} for {Previous}.",
                result.Record.Version, result.Record.TrainingSetSize, result.Record.HoldoutMacroF1, result.Record.ComparedHoldoutMacroF1, result.Record.ComparedWith);
        }
        else
        {
            logger.LogInformation("Kept theme model {Current}; candidate {Version} not promoted: {Reason}.", current.Version, result.Record.Version, result.Record.Rejection);
        }
    }

    private void ReportFailure(Exception e)
    {
        var key = e.GetType().FullName + ": " + e.Message;
        if (key == lastFailure)
            return;
        lastFailure = key;
        logger.LogError(e, "Theme model upkeep failed; retrying with back-off.");
    }
}
