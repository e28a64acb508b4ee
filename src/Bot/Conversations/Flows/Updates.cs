using System.Globalization;
using System.Text;
using CitizenData.Bot.Broadcasts;
using CitizenData.Feedback.Storage;
using CitizenData.Feedback.Submissions;

namespace CitizenData.Bot.Conversations.Flows;

/// <summary>
/// /updates: "you said, we did" for one resident — the actions recorded on the themes they raised, and what became of
/// each of their own inputs (how it was sorted, whether someone checked it), in their language.
/// </summary>
public sealed class Updates(ISubmissionStore submissions, IActionStore actions)
{
    /// <summary>Enough to stay well under a chat message's 4,096 characters.</summary>
    public const int MaxInputs = 10;
    public const int MaxActions = 5;
    private const int Excerpt = 80;

    public async Task ShowAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        if (turn.Participant is not { HasConsented: true } participant || turn.Campaign is not { } campaign)
        {
            turn.Reply(turn.Say("updates.nothing"), turn.State.PendingChoices);
            return;
        }
        var theirs = await submissions.ListByParticipantAsync(participant.Id, cancellationToken);
        if (theirs.Count == 0)
        {
            turn.Reply(turn.Say("updates.nothing"), turn.State.PendingChoices);
            return;
        }

        var language = turn.Language;
        var raised = theirs.Select(s => s.Theme).OfType<string>().ToHashSet(StringComparer.Ordinal);
        var onTheirThemes = (await actions.ListByCampaignAsync(campaign.Code, cancellationToken))
            .Where(a => a.Themes.Any(raised.Contains))
            .Take(MaxActions)
            .ToList();

        var text = new StringBuilder(turn.Say("updates.header"));
        text.Append("\n\n");
        if (onTheirThemes.Count == 0)
        {
            text.Append(turn.Say("updates.no.actions"));
        }
        else
        {
            text.Append(turn.Say("updates.actions.header"));
            foreach (var action in onTheirThemes)
                text.Append('\n').Append(BroadcastMessage.ActionLine(turn.Texts, campaign, action, language));
        }

        text.Append("\n\n").Append(turn.Say("updates.inputs.header"));
        foreach (var submission in theirs.OrderByDescending(s => s.ReceivedAt).Take(MaxInputs))
        {
            var theme = submission.Theme is { } key ? BroadcastMessage.ThemeName(turn.Texts, campaign, key, language) : turn.Say("mydata.unclassified");
            var excerpt = submission.Text.Length <= Excerpt ? submission.Text : submission.Text[..Excerpt].TrimEnd() + "…";
            text.Append('\n').Append(turn.Say("updates.input", submission.ReceivedAt.ToString("d", Culture(language)), excerpt, theme, turn.Say(StatusKey(submission))));
        }
        turn.Reply(text.ToString(), turn.State.PendingChoices);
    }

    private static string StatusKey(Submission submission) => submission.LabelSource switch
    {
        LabelSource.Citizen => "updates.status.confirmed",
        LabelSource.Reviewer => "updates.status.reviewed",
        LabelSource.Model when !submission.NeedsReview => "updates.status.sorted",
        _ => "updates.status.waiting",
    };

    private static CultureInfo Culture(string language)
    {
        try
        {
            return CultureInfo.GetCultureInfo(language);
        }
        catch (CultureNotFoundException)
        {
            return CultureInfo.InvariantCulture;
        }
    }
}
