using System.Security.Cryptography;
using System.Text;
using CitizenData.Feedback.Themes.Seeds;

namespace CitizenData.Feedback.Themes.Training;

/// <summary>The model a fresh installation starts with: the shipped pipeline trained on the seed examples alone.</summary>
public static class DefaultThemeModel
{
    /// <summary>
    /// "seed-" and a hash of the seeds and the pipeline: the same build always names (and trains) the same model, so
    /// several instances starting on an empty database agree on one version.
    /// </summary>
    public static string Version { get; } = ComputeVersion();

    private static readonly Lazy<byte[]> Trained = new(() => Train().ToBytes());

    /// <summary>Trains it now (a few seconds of CPU).</summary>
    public static ThemeModel Train() => ThemeTrainer.Train(SeedExamples.Labelled(), Version, ThemeTrainerOptions.Default);

    /// <summary>
    /// The same model, trained at most once per process and loaded from its bytes after that: every host started in
    /// one process (the tests start many) pays for the training once.
    /// </summary>
    public static ThemeModel Get() => ThemeModel.FromBytes(Trained.Value, Version);

    private static string ComputeVersion()
    {
        var content = new StringBuilder(ThemeTrainerOptions.Default.ToString());
        foreach (var example in SeedExamples.Examples)
            content.Append('\n').Append(example.Theme).Append('\t').Append(example.Text);
        return "seed-" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(content.ToString())))[..12];
    }
}
