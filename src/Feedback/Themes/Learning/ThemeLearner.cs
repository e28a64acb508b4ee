using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using CitizenData.Feedback.Storage;
using CitizenData.Feedback.Submissions;
using CitizenData.Feedback.Themes.Evaluation;
using CitizenData.Feedback.Themes.Seeds;
using CitizenData.Feedback.Themes.Training;

namespace CitizenData.Feedback.Themes.Learning;

/// <summary>
/// Keeps the theme model learning: starts from the seed model, retrains on residents' and reviewers' labels when enough
/// arrived, stores every version with its metrics, and promotes a candidate only if it is not worse than the current
/// model on held-back reviewer labels. Reads labels from the store each time, so erased participants' labels are gone.
/// </summary>
public sealed class ThemeLearner(IFeedbackStorage storage, ThemeLearningOptions options, TimeProvider time)
{
    public ThemeLearningOptions Options => options;

    /// <summary>The current model, training and storing the seed model first when the database has none.</summary>
    public async Task<(ThemeModelRecord Record, ThemeModel Model)> EnsureCurrentAsync(CancellationToken cancellationToken = default)
    {
        if (await storage.ThemeModels.GetCurrentAsync(cancellationToken) is { } stored
            && await LoadAsync(stored.Version, cancellationToken) is { } model)
            return (stored, model);

        var seeds = SeedExamples.Labelled();
        var seedModel = options.Pipeline == ThemeTrainerOptions.Default
            ? DefaultThemeModel.Get()
            : ThemeTrainer.Train(seeds, DefaultThemeModel.Version + "-custom", options.Pipeline);
        var now = time.GetUtcNow();
        var record = new ThemeModelRecord
        {
            Version = seedModel.Version,
            CreatedAt = now,
            PromotedAt = now,
            Pipeline = options.Pipeline.Describe(),
            TrainingSetSize = seeds.Count,
        };
        // Another instance may have stored the same deterministic seed model meanwhile: then theirs is the record.
        await storage.ThemeModels.AddAsync(record, seedModel.ToBytes(), cancellationToken);
        return (await storage.ThemeModels.GetCurrentAsync(cancellationToken) ?? record, seedModel);
    }

    /// <summary>
    /// Cross-validates the seed model's training set and records the figures, when the record has none: the seed model
    /// is stored without them so that a first start stays fast, and the retrainer fills them in afterwards.
    /// </summary>
    public async Task<ThemeModelRecord> CompleteMetricsAsync(ThemeModelRecord record, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(record);
        if (record.CrossValidatedMacroF1 is not null || options.CrossValidationFolds < 2 || !record.Version.StartsWith("seed-", StringComparison.Ordinal))
            return record;
        var evaluation = ThemeEvaluator.CrossValidate(SeedExamples.Labelled(), options.CrossValidationFolds, options.Pipeline);
        var completed = record with { CrossValidatedMacroF1 = evaluation.MacroF1, CrossValidatedAccuracy = evaluation.Accuracy };
        await storage.ThemeModels.UpdateAsync(completed, cancellationToken);
        return completed;
    }

    public async Task<ThemeModel?> LoadAsync(string version, CancellationToken cancellationToken = default) =>
        await storage.ThemeModels.GetModelAsync(version, cancellationToken) is { } bytes ? ThemeModel.FromBytes(bytes, version) : null;

    /// <summary>
    /// Enough new labels since the newest stored version (promoted or not) was trained, or any new label and the interval
    /// passed since then. Counting from the newest candidate keeps a rejected one from being retrained every check.
    /// </summary>
    public async Task<bool> IsRetrainDueAsync(CancellationToken cancellationToken = default)
    {
        var stored = await storage.ThemeModels.ListAsync(1, cancellationToken);
        if (stored.Count == 0)
            return false;
        var newest = stored[0];
        var newLabels = await storage.Submissions.CountLabelledAsync(cancellationToken) - newest.LabelCount;
        return newLabels >= options.RetrainAfterNewLabels
            || (newLabels > 0 && time.GetUtcNow() - newest.CreatedAt >= options.RetrainInterval);
    }

    /// <summary>Reads what the next version would learn from, as the store holds it now.</summary>
    public async Task<TrainingSet> GatherAsync(CancellationToken cancellationToken = default)
    {
        var training = new List<LabelledText>(SeedExamples.Labelled());
        foreach (var campaign in await storage.Campaigns.ListAsync(cancellationToken))
            foreach (var theme in campaign.Taxonomy.Themes)
                training.AddRange(theme.SeedExamples.Where(e => !string.IsNullOrWhiteSpace(e)).Select(e => new LabelledText(e, theme.Key)));

        var holdout = new List<LabelledText>();
        var ids = new List<string>();
        int citizen = 0, reviewer = 0;
        await foreach (var submission in storage.Submissions.StreamLabelledAsync(cancellationToken))
        {
            var example = new LabelledText(submission.Text, submission.Theme!);
            if (submission.LabelSource == LabelSource.Reviewer)
            {
                reviewer++;
                if (IsHeldBack(submission.Id))
                {
                    holdout.Add(example);
                    continue;
                }
            }
            else
            {
                citizen++;
            }
            training.Add(example);
            ids.Add(submission.Id);
        }
        return new TrainingSet(training, holdout, ids, citizen + reviewer, citizen, reviewer);
    }

    /// <summary>
    /// Trains a candidate on everything gathered now, stores it, and promotes it if it is not worse than the current
    /// model on the held-back reviewer labels (macro-F1).
    /// </summary>
    public async Task<RetrainResult> RetrainAsync(CancellationToken cancellationToken = default)
    {
        var (current, currentModel) = await EnsureCurrentAsync(cancellationToken);
        var set = await GatherAsync(cancellationToken);
        var now = time.GetUtcNow();
        var version = "m" + now.ToString("yyyyMMdd'T'HHmmss", CultureInfo.InvariantCulture) + "-" + Fingerprint(set.Training);
        cancellationToken.ThrowIfCancellationRequested();
        var candidate = ThemeTrainer.Train(set.Training, version, options.Pipeline);
        var crossValidated = options.CrossValidationFolds >= 2
            ? ThemeEvaluator.CrossValidate(set.Training, options.CrossValidationFolds, options.Pipeline)
            : null;

        var record = new ThemeModelRecord
        {
            Version = version,
            CreatedAt = now,
            Pipeline = options.Pipeline.Describe(),
            TrainingSetSize = set.Training.Count,
            LabelCount = set.LabelCount,
            CitizenLabels = set.CitizenLabels,
            ReviewerLabels = set.ReviewerLabels,
            HoldoutSize = set.Holdout.Count,
            CrossValidatedMacroF1 = crossValidated?.MacroF1,
            CrossValidatedAccuracy = crossValidated?.Accuracy,
            ComparedWith = current.Version,
        };
        if (set.Holdout.Count < options.MinimumHoldout)
        {
            record = record with { Rejection = $"only {set.Holdout.Count} held-back reviewer labels; at least {options.MinimumHoldout} are needed to show it is not worse" };
        }
        else
        {
            var candidateScore = ThemeEvaluator.Evaluate(candidate, set.Holdout).MacroF1;
            var currentScore = ThemeEvaluator.Evaluate(currentModel, set.Holdout).MacroF1;
            record = record with { HoldoutMacroF1 = candidateScore, ComparedHoldoutMacroF1 = currentScore };
            record = candidateScore >= currentScore
                ? record with { PromotedAt = now }
                : record with { Rejection = string.Create(CultureInfo.InvariantCulture, $"worse than {current.Version} on held-back reviewer labels (macro-F1 {candidateScore:0.000} < {currentScore:0.000})") };
        }
        await storage.ThemeModels.AddAsync(record, candidate.ToBytes(), cancellationToken);
        return new RetrainResult(record, record.IsPromoted ? candidate : null);
    }

    /// <summary>
    /// Stable across retrainings (a hash of the submission id), so a held-back label is never trained on by any version
    /// and the comparison between versions stays fair.
    /// </summary>
    internal bool IsHeldBack(string submissionId)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(submissionId));
        return BitConverter.ToUInt32(hash, 0) / (double)uint.MaxValue < options.HoldoutFraction;
    }

    private static string Fingerprint(IEnumerable<LabelledText> examples)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var example in examples)
            hash.AppendData(Encoding.UTF8.GetBytes(example.Theme + "\t" + example.Text + "\n"));
        return Convert.ToHexStringLower(hash.GetHashAndReset())[..8];
    }
}
