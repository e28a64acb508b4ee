using Microsoft.ML;
using Microsoft.ML.Data;

namespace CitizenData.Feedback.Themes.Training;

/// <summary>
/// A trained theme model: the ML.NET transformer (featurisation and trainer) and the theme of each score slot.
/// Immutable; prediction engines are made from it per thread (see <see cref="Serving.PooledThemeClassifier"/>).
/// </summary>
public sealed class ThemeModel
{
    private readonly MLContext context;
    private readonly DataViewSchema inputSchema;

    internal ThemeModel(MLContext context, ITransformer transformer, DataViewSchema inputSchema, string version)
    {
        this.context = context;
        this.inputSchema = inputSchema;
        Transformer = transformer;
        Version = version;
        Themes = ReadThemes(transformer, inputSchema);
    }

    public string Version { get; }

    /// <summary>The theme of each score, in score order.</summary>
    public IReadOnlyList<string> Themes { get; }

    internal ITransformer Transformer { get; }

    public PredictionEngine<ThemeModelInput, ThemeModelOutput> CreateEngine() =>
        context.Model.CreatePredictionEngine<ThemeModelInput, ThemeModelOutput>(Transformer, inputSchema);

    /// <summary>Scores many already-normalised texts in one pass (evaluation, not serving).</summary>
    public IReadOnlyList<float[]> ScoreMany(IEnumerable<string> normalisedTexts)
    {
        var data = context.Data.LoadFromEnumerable(normalisedTexts.Select(t => new ThemeModelInput { Text = t }), inputSchema);
        var scored = Transformer.Transform(data);
        return context.Data.CreateEnumerable<ThemeModelOutput>(scored, reuseRowObject: false).Select(o => o.Score).ToList();
    }

    public byte[] ToBytes()
    {
        using var stream = new MemoryStream();
        context.Model.Save(Transformer, inputSchema, stream);
        return stream.ToArray();
    }

    public static ThemeModel FromBytes(byte[] bytes, string version)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        var context = new MLContext(seed: ThemeTrainerOptions.Default.Seed);
        using var stream = new MemoryStream(bytes, writable: false);
        var transformer = context.Model.Load(stream, out var schema);
        return new ThemeModel(context, transformer, schema, version);
    }

    private static IReadOnlyList<string> ReadThemes(ITransformer transformer, DataViewSchema inputSchema)
    {
        var score = transformer.GetOutputSchema(inputSchema)["Score"];
        VBuffer<ReadOnlyMemory<char>> names = default;
        score.GetSlotNames(ref names);
        var themes = names.DenseValues().Select(n => n.ToString()).ToList();
        if (themes.Count == 0 || themes.Any(string.IsNullOrEmpty))
            throw new InvalidOperationException("The theme model's scores carry no theme names.");
        return themes;
    }
}
