using System.Diagnostics;
using System.Globalization;
using CitizenData.Feedback.Themes.Seeds;
using CitizenData.Feedback.Themes.Training;

namespace CitizenData.Bot.Cli;

/// <summary><c>citizendata train [--out FILE]</c>: builds the default theme model from the seed examples and saves it.</summary>
public static class TrainCommand
{
    public const string DefaultOutput = "theme-model.zip";

    public static Task<int> RunAsync(string[] args) => Task.FromResult(Run(args, Console.Out, Console.Error));

    public static int Run(string[] args, TextWriter output, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        try
        {
            var options = CliOptions.Parse(args, flags: []);
            var path = options.Value("--out") ?? DefaultOutput;
            options.ThrowOnUnknown();
            var stopwatch = Stopwatch.StartNew();
            var model = DefaultThemeModel.Train();
            var bytes = model.ToBytes();
            var directory = Path.GetDirectoryName(Path.GetFullPath(path));
            if (!string.IsNullOrEmpty(directory))
                Directory.CreateDirectory(directory);
            File.WriteAllBytes(path, bytes);
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Trained theme model {model.Version} on {SeedExamples.Examples.Count} seed examples ({ThemeTrainerOptions.Default.Describe()}) in {stopwatch.Elapsed.TotalSeconds:0.0} s; wrote {bytes.Length / 1024} KB to {path}."));
            return 0;
        }
        catch (CliException e)
        {
            error.WriteLine($"error: {e.Message}");
            return 2;
        }
    }
}
