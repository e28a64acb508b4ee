using CitizenData.Bot.Workers;
using CitizenData.Feedback.Storage;
using CitizenData.Feedback.Themes;
using CitizenData.Feedback.Themes.Learning;
using CitizenData.Feedback.Themes.Serving;
using Microsoft.Extensions.Options;

namespace CitizenData.Bot.Themes;

public static class ThemesHostingExtensions
{
    /// <summary>
    /// Theme classification: the pooled ML.NET classifier as <see cref="IThemeClassifier"/> (loaded with the current
    /// model before the host starts serving) and the background retrainer. Needs an <see cref="IFeedbackStorage"/>.
    /// </summary>
    public static IHostApplicationBuilder AddThemes(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddOptions<ThemesOptions>().BindConfiguration(ThemesOptions.Section);
        builder.Services.AddSingleton<PooledThemeClassifier>();
        builder.Services.AddSingleton<IThemeClassifier>(sp => sp.GetRequiredService<PooledThemeClassifier>());
        builder.Services.AddSingleton(sp => new ThemeLearner(
            sp.GetRequiredService<IFeedbackStorage>(),
            sp.GetRequiredService<IOptions<ThemesOptions>>().Value.ToLearningOptions(),
            sp.GetService<TimeProvider>() ?? TimeProvider.System));
        builder.Services.AddHostedService<ThemeRetrainer>();
        return builder;
    }
}
