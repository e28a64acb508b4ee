namespace CitizenData.Feedback.Themes.Training;

public enum ThemeAlgorithm
{
    /// <summary>Stochastic dual coordinate ascent, maximum entropy (multinomial logistic regression).</summary>
    Sdca,
    /// <summary>L-BFGS maximum entropy (multinomial logistic regression).</summary>
    Lbfgs,
    /// <summary>One-versus-all linear SVMs, Platt-calibrated.</summary>
    OvaSvm,
    /// <summary>One-versus-all averaged perceptrons, Platt-calibrated (ignores example weights).</summary>
    OvaPerceptron,
    /// <summary>One-versus-all L-BFGS logistic regressions.</summary>
    OvaLogistic,
    /// <summary>LightGBM multiclass gradient-boosted trees.</summary>
    LightGbm,
}

/// <summary>The choices of the theme pipeline. <see cref="Default"/> is what measurement picked (docs/themes.md).</summary>
public sealed record ThemeTrainerOptions
{
    public static ThemeTrainerOptions Default { get; } = new();

    public ThemeAlgorithm Algorithm { get; init; } = ThemeAlgorithm.Sdca;

    /// <summary>Word n-grams up to this length (all lengths from 1).</summary>
    public int WordNgramLength { get; init; } = 2;

    /// <summary>Character n-grams of this length (or up to it, see <see cref="CharNgramAllLengths"/>); 0 turns them off.</summary>
    public int CharNgramLength { get; init; } = 3;

    public bool CharNgramAllLengths { get; init; }

    /// <summary>TF-IDF rather than plain term frequency for both n-gram bags.</summary>
    public bool TfIdf { get; init; } = true;

    /// <summary>
    /// Example weight of a theme is (examples / (themes × examples of the theme)) raised to this power: 0 leaves the
    /// counts as they are, 1 makes every theme weigh the same in the loss.
    /// </summary>
    public double ClassWeightPower { get; init; } = 1;

    /// <summary>L2 regularisation of the linear trainers; null keeps the trainer's default.</summary>
    public float? L2Regularization { get; init; } = 0.0003f;

    public int Seed { get; init; } = 20_26;

    public string Describe() =>
        $"{Algorithm}, words 1-{WordNgramLength}, chars {(CharNgramLength == 0 ? "off" : CharNgramAllLengths ? $"1-{CharNgramLength}" : $"{CharNgramLength}")}{(TfIdf ? ", tf-idf" : string.Empty)}, class weight ^{ClassWeightPower}"
        + (L2Regularization is { } l2 ? $", l2 {l2}" : string.Empty);
}
