using CitizenData.Feedback.Themes.Training;

namespace CitizenData.Feedback.Tests.Themes;

/// <summary>The default model, trained once from the seeds for every test that only reads it.</summary>
public sealed class SeedModelFixture
{
    public ThemeModel Model { get; } = DefaultThemeModel.Get();
}

[CollectionDefinition(Name)]
public sealed class SeedModelTests : ICollectionFixture<SeedModelFixture>
{
    public const string Name = "seed model";
}
