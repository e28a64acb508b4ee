using System.Globalization;
using CitizenData.Feedback.Themes.Evaluation;

namespace CitizenData.Bot.Cli;

/// <summary>Writes an evaluation for people: headline figures, per-theme table, confusion matrix.</summary>
internal static class EvaluationReport
{
    public static void Write(TextWriter output, string description, ThemeEvaluation evaluation, TimeSpan elapsed)
    {
        var c = CultureInfo.InvariantCulture;
        output.WriteLine(description);
        output.WriteLine(string.Create(c, $"examples {evaluation.Examples}   accuracy {evaluation.Accuracy:0.000}   macro-F1 {evaluation.MacroF1:0.000}   weighted-F1 {evaluation.WeightedF1:0.000}   ({elapsed.TotalSeconds:0.0} s)"));
        if (evaluation.FoldMacroF1.Count > 0)
            output.WriteLine("macro-F1 per fold: " + string.Join("  ", evaluation.FoldMacroF1.Select(f => f.ToString("0.000", c))));
        output.WriteLine();
        var width = Math.Max(8, evaluation.Themes.Max(t => t.Length));
        output.WriteLine("theme".PadRight(width) + "  precision  recall     F1  support");
        foreach (var q in evaluation.PerTheme)
            output.WriteLine(string.Create(c, $"{q.Theme.PadRight(width)}  {q.Precision,9:0.000}  {q.Recall,6:0.000}  {q.F1,5:0.000}  {q.Support,7}"));
        output.WriteLine();
        output.WriteLine("confusion matrix (rows: actual, columns: predicted, in the order of the rows)");
        for (var i = 0; i < evaluation.Themes.Count; i++)
            output.WriteLine(evaluation.Themes[i].PadRight(width) + "  " + string.Join(" ", evaluation.Confusion[i].Select(n => n.ToString(c).PadLeft(5))));
    }
}
