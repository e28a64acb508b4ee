using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;
using Microsoft.ML.Trainers.LightGbm;
using Microsoft.ML.Transforms.Text;

namespace CitizenData.Feedback.Themes.Training;

/// <summary>
/// Trains a theme model: normalise the text, word and character n-gram bags, theme weights so small themes count, and a
/// multiclass trainer. The same seed and the same examples give the same model, byte for byte in its scores.
/// </summary>
public static class ThemeTrainer
{
    private const string Label = "Label";
    private const string Features = "Features";
    private const string Weight = nameof(ThemeTrainingRow.Weight);

    public static ThemeModel Train(IReadOnlyCollection<LabelledText> examples, string version, ThemeTrainerOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(examples);
        options ??= ThemeTrainerOptions.Default;
        var rows = ToRows(examples, options);
        var themes = rows.Select(r => r.Theme).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        if (themes.Count < 2)
            throw new ArgumentException("Training needs examples of at least two themes.", nameof(examples));

        var context = new MLContext(seed: options.Seed);
        var data = context.Data.LoadFromEnumerable(rows);
        // Labels are mapped to keys outside the saved model, so the served model reads text alone; the key order is
        // fixed (sorted theme keys) rather than order of first appearance.
        var keys = context.Data.LoadFromEnumerable(themes.Select(t => new ThemeKeyRow { Theme = t }));
        var labelled = context.Transforms.Conversion.MapValueToKey(Label, nameof(ThemeTrainingRow.Theme), keyData: keys)
            .Fit(data).Transform(data);

        var pipeline = Featurizer(context, options).Append(Trainer(context, options));
        var transformer = pipeline.Fit(labelled);
        var inputSchema = context.Data.LoadFromEnumerable(Array.Empty<ThemeModelInput>()).Schema;
        return new ThemeModel(context, transformer, inputSchema, version);
    }

    internal static List<ThemeTrainingRow> ToRows(IEnumerable<LabelledText> examples, ThemeTrainerOptions options)
    {
        var rows = examples
            .Select(e => new ThemeTrainingRow { Text = TextNormaliser.Normalise(e.Text), Theme = e.Theme })
            .Where(r => r.Text.Length > 0)
            .ToList();
        var counts = rows.GroupBy(r => r.Theme, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        foreach (var row in rows)
            row.Weight = (float)Math.Pow((double)rows.Count / (counts.Count * counts[row.Theme]), options.ClassWeightPower);
        return rows;
    }

    private static IEstimator<ITransformer> Featurizer(MLContext context, ThemeTrainerOptions options)
    {
        var weighting = options.TfIdf ? NgramExtractingEstimator.WeightingCriteria.TfIdf : NgramExtractingEstimator.WeightingCriteria.Tf;
        var featurizer = new TextFeaturizingEstimator.Options
        {
            // The normaliser already lowercased and stripped: keep what it left.
            CaseMode = TextNormalizingEstimator.CaseMode.None,
            KeepDiacritics = true,
            KeepPunctuations = false,
            KeepNumbers = false,
            WordFeatureExtractor = new WordBagEstimator.Options { NgramLength = options.WordNgramLength, UseAllLengths = true, Weighting = weighting },
            CharFeatureExtractor = options.CharNgramLength == 0 ? null
                : new WordBagEstimator.Options { NgramLength = options.CharNgramLength, UseAllLengths = options.CharNgramAllLengths, Weighting = weighting },
            Norm = TextFeaturizingEstimator.NormFunction.L2,
        };
        return context.Transforms.Text.FeaturizeText(Features, featurizer, nameof(ThemeModelInput.Text));
    }

    private static IEstimator<ITransformer> Trainer(MLContext context, ThemeTrainerOptions options)
    {
        var multiclass = context.MulticlassClassification.Trainers;
        var binary = context.BinaryClassification.Trainers;
        // One thread: multi-threaded SDCA and L-BFGS sum in a varying order, which breaks bit-for-bit determinism.
        return options.Algorithm switch
        {
            ThemeAlgorithm.Sdca => multiclass.SdcaMaximumEntropy(new SdcaMaximumEntropyMulticlassTrainer.Options
            {
                LabelColumnName = Label, FeatureColumnName = Features, ExampleWeightColumnName = Weight,
                NumberOfThreads = 1, L2Regularization = options.L2Regularization,
            }),
            ThemeAlgorithm.Lbfgs => multiclass.LbfgsMaximumEntropy(new LbfgsMaximumEntropyMulticlassTrainer.Options
            {
                LabelColumnName = Label, FeatureColumnName = Features, ExampleWeightColumnName = Weight,
                NumberOfThreads = 1, L2Regularization = options.L2Regularization ?? 1f,
            }),
            ThemeAlgorithm.OvaLogistic => multiclass.OneVersusAll(binary.LbfgsLogisticRegression(new LbfgsLogisticRegressionBinaryTrainer.Options
            {
                LabelColumnName = Label, FeatureColumnName = Features, ExampleWeightColumnName = Weight,
                NumberOfThreads = 1, L2Regularization = options.L2Regularization ?? 1f,
            }), Label),
            ThemeAlgorithm.OvaSvm => multiclass.OneVersusAll(binary.LinearSvm(new LinearSvmTrainer.Options
            {
                LabelColumnName = Label, FeatureColumnName = Features, ExampleWeightColumnName = Weight,
                Lambda = options.L2Regularization ?? 0.001f,
            }), Label),
            ThemeAlgorithm.OvaPerceptron => multiclass.OneVersusAll(binary.AveragedPerceptron(new AveragedPerceptronTrainer.Options
            {
                LabelColumnName = Label, FeatureColumnName = Features,
            }), Label),
            ThemeAlgorithm.LightGbm => multiclass.LightGbm(new LightGbmMulticlassTrainer.Options
            {
                LabelColumnName = Label, FeatureColumnName = Features, ExampleWeightColumnName = Weight,
                NumberOfThreads = 1, Seed = options.Seed, Verbose = false, Silent = true,
            }),
            _ => throw new ArgumentOutOfRangeException(nameof(options), options.Algorithm, "Unknown algorithm."),
        };
    }
}
