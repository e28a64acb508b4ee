using CitizenData.Bot.Broadcasts;
using CitizenData.Bot.Conversations.Localisation;
using CitizenData.Feedback.Campaigns;
using CitizenData.Feedback.Summaries;

namespace CitizenData.Bot.Admin.Dashboard.Pages.Broadcasts;

/// <summary>The names of a summary's themes, profile questions and answers in the dashboard's language.</summary>
public sealed class SummaryLabels(DashboardLocaliser localiser, DashboardTexts texts, BotTexts botTexts, Campaign campaign)
{
    public string Theme(string theme) => BroadcastMessage.ThemeName(botTexts, campaign, theme, Language);

    /// <summary>A profile question's short name (the default questions have one; a campaign's own ones show their key).</summary>
    public string Dimension(string key) =>
        texts.Catalogue.Has("broadcasts.dimension_" + key)
            ? localiser["broadcasts.dimension_" + key]
            : key.Replace('_', ' ');

    public string Value(string dimension, string value)
    {
        if (value == Breakdown.NotStated)
            return localiser["broadcasts.value_not_stated"];
        if (value == Breakdown.OtherValues)
            return localiser["broadcasts.value_other"];
        var choice = campaign.ProfileQuestions.FirstOrDefault(q => q.Key == dimension)?.Choices.FirstOrDefault(c => string.Equals(c.Value, value, StringComparison.OrdinalIgnoreCase));
        return choice is null || choice.Labels.Count == 0 ? value : Localised.Pick(choice.Labels, Language, campaign.Languages);
    }

    /// <summary>A channel's name as staff know it.</summary>
    public string Channel(string channel) => localiser.ChannelName(channel);

    private string Language => localiser.Language;
}
