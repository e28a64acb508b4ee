using System.Globalization;
using System.Text;
using CitizenData.Feedback.Storage;

namespace CitizenData.Bot.Conversations.Flows;

/// <summary>The resident's control over their data: /mydata, /forget, /stop, and the channel telling us they blocked the bot.</summary>
public sealed class PrivacyCommands(ISubmissionStore submissions)
{
    public async Task ShowMyDataAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        var participant = turn.Participant;
        if (participant is null)
        {
            turn.Reply(turn.Say("mydata.nothing"), turn.State.PendingChoices);
            return;
        }
        if (participant.Consent is not { } consent)
        {
            turn.Reply(participant.ConsentDeclinedAt is { } declined ? turn.Say("mydata.declined", Date(declined)) : turn.Say("mydata.nothing"), turn.State.PendingChoices);
            return;
        }

        var campaign = turn.Campaign;
        var text = new StringBuilder(turn.Say("mydata.header")).Append('\n');
        text.Append(turn.Say("mydata.campaign", campaign?.Title(turn.Language) ?? participant.CampaignCode)).Append('\n');
        if (participant.Language is { } language)
            text.Append(turn.Say("mydata.language", turn.Texts.Supports(language) ? turn.Texts.LanguageName(language) : language)).Append('\n');
        text.Append(turn.Say("mydata.consent", Date(consent.AgreedAt), consent.Version)).Append('\n');
        if (participant.QuoteConsent is { } quote)
            text.Append(turn.Say(quote ? "mydata.quote.yes" : "mydata.quote.no")).Append('\n');
        if (participant.Profile.Count > 0)
            text.Append(turn.Say("mydata.profile", string.Join(", ", participant.Profile.Select(p => $"{p.Key}: {p.Value}")))).Append('\n');
        if (participant.OptedOut)
            text.Append(turn.Say("mydata.optedout")).Append('\n');

        var theirs = await submissions.ListByParticipantAsync(participant.Id, cancellationToken);
        text.Append('\n').Append(turn.Say("mydata.submissions", theirs.Count));
        foreach (var submission in theirs)
        {
            var theme = submission.Theme is { } key ? campaign?.Taxonomy.Find(key)?.Name(turn.Language) ?? key : turn.Say("mydata.unclassified");
            text.Append('\n').Append(turn.Say("mydata.submission", Date(submission.ReceivedAt), submission.Text, theme));
        }
        turn.Reply(text.ToString(), turn.State.PendingChoices);
    }

    public void AskForget(TurnContext turn)
    {
        if (turn.Participant is null)
        {
            turn.Reply(turn.Say("forget.nothing"), turn.State.PendingChoices);
            return;
        }
        var returnStep = turn.State.Step == FlowStep.ConfirmingForget ? turn.State.ReturnStep : turn.State.Step;
        turn.State = turn.State with { Step = FlowStep.ConfirmingForget, ReturnStep = returnStep };
        turn.Reply(turn.Say("forget.confirm"), [new("erase", turn.Say("button.erase")), new("keep", turn.Say("button.keep"))]);
    }

    public void OnForgetAnswer(TurnContext turn)
    {
        switch (turn.PressedChoice()?.Key)
        {
            case "erase":
                turn.Erased = true;
                turn.Reply(turn.Say("forget.done"));
                turn.State = new ConversationState();
                break;
            case "keep":
                turn.State = turn.State with { Step = turn.State.ReturnStep == FlowStep.ConfirmingTheme ? FlowStep.AwaitingInput : turn.State.ReturnStep };
                turn.Reply(turn.Say("forget.kept"));
                break;
            default:
                turn.Reply(turn.Say("forget.confirm"), turn.State.PendingChoices);
                break;
        }
    }

    public void Stop(TurnContext turn)
    {
        if (turn.Participant is { } participant && !participant.OptedOut)
            turn.SaveParticipant(participant with { OptedOut = true });
        turn.Reply(turn.Say("stop.done"));
    }

    /// <summary>A blocked bot cannot deliver: mark the participant unreachable (or reachable again) and say nothing.</summary>
    public void OnReachabilityChanged(TurnContext turn)
    {
        var unreachable = string.Equals(turn.Activity.Action, "remove", StringComparison.OrdinalIgnoreCase);
        if (turn.Participant is { } participant && participant.Unreachable != unreachable)
            turn.SaveParticipant(participant with { Unreachable = unreachable });
    }

    private static string Date(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
