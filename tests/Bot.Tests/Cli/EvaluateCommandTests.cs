using System.Text.Json;
using CitizenData.Bot.Cli;
using CitizenData.Feedback.Themes.Seeds;

namespace CitizenData.Bot.Tests.Cli;

public sealed class EvaluateCommandTests : IDisposable
{
    private readonly string directory = Directory.CreateTempSubdirectory("citizendata-evaluate-").FullName;

    public void Dispose() => Directory.Delete(directory, recursive: true);

    [Fact]
    public void Reports_the_figures_of_a_classifier_trained_on_one_file_and_tested_on_another()
    {
        var (train, test) = SplitSeeds();
        var (code, output, error) = Run("evaluate", "--train", train, "--test", test);
        Assert.True(code == 0, error);
        Assert.Contains("accuracy", output, StringComparison.Ordinal);
        Assert.Contains("macro-F1", output, StringComparison.Ordinal);
        Assert.Contains("weighted-F1", output, StringComparison.Ordinal);
        Assert.Contains("water_sanitation", output, StringComparison.Ordinal);
        Assert.Contains("confusion matrix", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Json_output_carries_per_theme_figures_and_the_confusion_matrix()
    {
        var (train, test) = SplitSeeds();
        var (code, output, error) = Run("evaluate", "--train", train, "--test", test, "--json");
        Assert.True(code == 0, error);
        using var json = JsonDocument.Parse(output);
        var evaluation = json.RootElement.GetProperty("evaluation");
        Assert.InRange(evaluation.GetProperty("macroF1").GetDouble(), 0.3, 1);
        Assert.InRange(evaluation.GetProperty("accuracy").GetDouble(), 0.3, 1);
        Assert.Equal(13, evaluation.GetProperty("perTheme").GetArrayLength());
        var themes = evaluation.GetProperty("themes").GetArrayLength();
        Assert.Equal(themes, evaluation.GetProperty("confusion").GetArrayLength());
    }

    [Fact]
    public void Cross_validates_one_file_with_folds()
    {
        var (train, _) = SplitSeeds();
        var (code, output, error) = Run("evaluate", "--train", train, "--folds", "2", "--char-ngrams", "0");
        Assert.True(code == 0, error);
        Assert.Contains("2-fold cross-validation", output, StringComparison.Ordinal);
        Assert.Contains("macro-F1 per fold", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("the borehole is broken\twater_sanitation\nno tab on this line\n", "line 2")]
    [InlineData("the borehole is broken\twater_sanitation\nhungry\tfood\n", "line 2: unknown theme 'food'")]
    [InlineData("\twater_sanitation\n", "line 1: the text is empty")]
    public void A_bad_file_is_refused_naming_the_line(string content, string expected)
    {
        var bad = Write("bad.tsv", content);
        var (code, _, error) = Run("evaluate", "--test", bad);
        Assert.Equal(2, code);
        Assert.Contains("bad.tsv " + expected, error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("evaluate")]
    [InlineData("evaluate", "--test")]
    [InlineData("evaluate", "--test", "missing.tsv")]
    [InlineData("evaluate", "--test", "x.tsv", "--bogus", "1")]
    [InlineData("evaluate", "--train", "a.tsv", "--test", "b.tsv", "--folds", "5")]
    [InlineData("evaluate", "--train", "a.tsv", "--folds", "one")]
    [InlineData("evaluate", "--test", "x.tsv", "--trainer", "magic")]
    public void Usage_errors_exit_with_2(params string[] args)
    {
        var (code, _, error) = Run(args);
        Assert.Equal(2, code);
        Assert.StartsWith("error: ", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Train_writes_the_default_model()
    {
        var path = Path.Combine(directory, "model.zip");
        var (code, output, error) = Run("train", "--out", path);
        Assert.True(code == 0, error);
        Assert.True(new FileInfo(path).Length > 10_000);
        Assert.Contains("seed-", output, StringComparison.Ordinal);
    }

    private (string Train, string Test) SplitSeeds()
    {
        var lines = SeedExamples.Examples.Select(e => e.Text + "\t" + e.Theme).ToList();
        return (
            Write("train.tsv", string.Join('\n', lines.Where((_, i) => i % 3 != 0))),
            Write("test.tsv", string.Join('\n', lines.Where((_, i) => i % 3 == 0))));
    }

    private string Write(string name, string content)
    {
        var path = Path.Combine(directory, name);
        File.WriteAllText(path, content);
        return path;
    }

    private static (int Code, string Output, string Error) Run(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = args[0] switch
        {
            "evaluate" => EvaluateCommand.Run(args[1..], output, error),
            "train" => TrainCommand.Run(args[1..], output, error),
            _ => throw new ArgumentException("Unknown command.", nameof(args)),
        };
        return (code, output.ToString(), error.ToString());
    }
}
