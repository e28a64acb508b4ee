using CitizenData.Feedback.Themes.Training;

namespace CitizenData.Feedback.Themes.Learning;

/// <summary>The stored candidate version, and its model when it was promoted (to be served from now on).</summary>
public sealed record RetrainResult(ThemeModelRecord Record, ThemeModel? PromotedModel)
{
    public bool Promoted => PromotedModel is not null;
}
