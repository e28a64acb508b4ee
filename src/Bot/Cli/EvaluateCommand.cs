using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using CitizenData.Feedback.Themes;
using CitizenData.Feedback.Themes.Evaluation;
using CitizenData.Feedback.Themes.Seeds;
using CitizenData.Feedback.Themes.Training;

namespace CitizenData.Bot.Cli;

/// <summary>
/// <c>citizendata evaluate</c>: trains a fresh classifier with the product's pipeline on --train and scores it on --test;
/// with --test alone scores the default model trained from the seeds; with --folds K cross-validates one file.
/// </summary>
public static class EvaluateCommand
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public static Task<int> RunAsync(string[] args) => Task.FromResult(Run(args, Console.Out, Console.Error));

    public static int Run(string[] args, TextWriter output, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        try
        {
            var options = CliOptions.Parse(args, flags: ["--json", "--tf", "--char-all-lengths", "--with-seeds"]);
            var trainPath = options.Value("--train");
            var testPath = options.Value("--test");
            var folds = options.Int("--folds");
            var pipeline = PipelineOverrides(options);
            var withSeeds = options.Flag("--with-seeds");
            var json = options.Flag("--json");
            options.ThrowOnUnknown();
            var stopwatch = Stopwatch.StartNew();

            ThemeEvaluation evaluation;
            string description;
            if (folds is { } k)
            {
                var file = trainPath ?? testPath ?? throw new CliException("--folds needs one file: --train FILE (or --test FILE).");
                if (trainPath is not null && testPath is not null)
                    throw new CliException("--folds cross-validates one file: give --train or --test, not both.");
                if (k < 2)
                    throw new CliException("--folds must be at least 2.");
                var examples = LabelledTextFile.Read(file, DefaultTaxonomy.Keys);
                evaluation = ThemeEvaluator.CrossValidate(examples, k, pipeline, withSeeds ? SeedExamples.Labelled() : null);
                description = $"{k}-fold cross-validation on {file} ({examples.Count} examples{(withSeeds ? ", seed examples added to every training fold" : string.Empty)}), pipeline: {pipeline.Describe()}";
            }
            else
            {
                if (testPath is null)
                    throw new CliException("Missing --test FILE.");
                var test = LabelledTextFile.Read(testPath, DefaultTaxonomy.Keys);
                ThemeModel model;
                if (trainPath is null)
                {
                    model = pipeline == ThemeTrainerOptions.Default ? DefaultThemeModel.Train() : ThemeTrainer.Train(SeedExamples.Labelled(), "seed", pipeline);
                    description = $"default model (trained on {SeedExamples.Examples.Count} seed examples) tested on {testPath} ({test.Count} examples), pipeline: {pipeline.Describe()}";
                }
                else
                {
                    var train = LabelledTextFile.Read(trainPath, DefaultTaxonomy.Keys);
                    model = ThemeTrainer.Train(train, "evaluate", pipeline);
                    description = $"trained on {trainPath} ({train.Count} examples), tested on {testPath} ({test.Count} examples), pipeline: {pipeline.Describe()}";
                }
                evaluation = ThemeEvaluator.Evaluate(model, test);
            }

            if (json)
                output.WriteLine(JsonSerializer.Serialize(new { description, seconds = Math.Round(stopwatch.Elapsed.TotalSeconds, 1), evaluation }, Json));
            else
                EvaluationReport.Write(output, description, evaluation, stopwatch.Elapsed);
            return 0;
        }
        catch (Exception e) when (e is CliException or ThemeDataException)
        {
            error.WriteLine($"error: {e.Message}");
            return 2;
        }
    }

    /// <summary>Experiment knobs (--trainer, --word-ngrams, --char-ngrams, --char-all-lengths, --class-weight, --l2, --tf) over the shipped pipeline.</summary>
    private static ThemeTrainerOptions PipelineOverrides(CliOptions options)
    {
        var pipeline = ThemeTrainerOptions.Default;
        if (options.Value("--trainer") is { } trainer)
            pipeline = pipeline with
            {
                Algorithm = Enum.TryParse<ThemeAlgorithm>(trainer.Replace("-", string.Empty, StringComparison.Ordinal), ignoreCase: true, out var algorithm)
                    ? algorithm
                    : throw new CliException($"Unknown --trainer '{trainer}' (one of {string.Join(", ", Enum.GetNames<ThemeAlgorithm>())})."),
            };
        if (options.Int("--word-ngrams") is { } words)
            pipeline = pipeline with { WordNgramLength = words };
        if (options.Int("--char-ngrams") is { } chars)
            pipeline = pipeline with { CharNgramLength = chars };
        if (options.Double("--class-weight") is { } power)
            pipeline = pipeline with { ClassWeightPower = power };
        if (options.Double("--l2") is { } l2)
            pipeline = pipeline with { L2Regularization = (float)l2 };
        if (options.Flag("--tf"))
            pipeline = pipeline with { TfIdf = false };
        if (options.Flag("--char-all-lengths"))
            pipeline = pipeline with { CharNgramAllLengths = true };
        return pipeline;
    }
}
