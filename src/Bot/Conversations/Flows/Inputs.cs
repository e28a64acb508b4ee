using CitizenData.Bot.Conversations.Localisation;
using CitizenData.Feedback.Campaigns;
using CitizenData.Feedback.Storage;
using CitizenData.Feedback.Submissions;
using CitizenData.Feedback.Themes;

namespace CitizenData.Bot.Conversations.Flows;

/// <summary>What residents say: every free text becomes a submission, classified, shown back and correctable.</summary>
public sealed class Inputs(ISubmissionStore submissions, IThemeClassifier classifier)
{
    public void AskQuestion(TurnContext turn)
    {
        var campaign = turn.Campaign;
        turn.State = turn.State with { Step = FlowStep.AwaitingInput, SubmissionId = null };
        turn.Reply(campaign is null ? turn.Say("anything.else") : QuestionMessage(turn.Texts, turn.Language, campaign.Question(turn.Language)));
    }

    /// <summary>How the bot asks a campaign's question in <paramref name="language"/> (the dashboard's editor previews it).</summary>
    public static string QuestionMessage(BotTexts texts, string language, string question)
    {
        ArgumentNullException.ThrowIfNull(texts);
        return $"{texts.Get(language, "question.intro")}\n*{question}*";
    }

    public void OnInput(TurnContext turn)
    {
        var participant = turn.Participant;
        var campaign = turn.Campaign;
        if (participant?.Consent is null || campaign is null || participant.CampaignCode != campaign.Code)
        {
            // Consent comes before collection: whatever was typed is not kept.
            turn.State = turn.State with { Step = FlowStep.New };
            turn.Reply(turn.Say("consent.repeat"));
            return;
        }
        if (campaign.Status != CampaignStatus.Open)
        {
            turn.Reply(turn.Say("error.campaign.closed", campaign.Title(turn.Language)));
            return;
        }

        var prediction = classifier.Classify(turn.Text, campaign.Code, campaign.Taxonomy);
        var submission = new Submission
        {
            Id = Submission.NewId(),
            ParticipantId = participant.Id,
            CampaignCode = campaign.Code,
            Channel = turn.Conversation.Channel,
            Source = SubmissionSource.Resident,
            Language = turn.Language,
            Text = turn.Text,
            ReceivedAt = turn.Now,
            ConsentVersion = participant.Consent.Version,
            ChannelMessageKey = turn.Activity.Id,
        }.Classified(prediction, campaign.ReviewThreshold);
        turn.SaveSubmission(submission);

        if (submission.Theme is null)
        {
            turn.Reply(turn.Say("submission.unclassified"));
            AskForMore(turn);
            return;
        }
        turn.State = turn.State with { Step = FlowStep.ConfirmingTheme, SubmissionId = submission.Id };
        var key = submission.NeedsReview ? "submission.uncertain" : "submission.classified";
        turn.Reply(turn.Say(key, ThemeName(campaign, submission.Theme, turn.Language)), [new("right", turn.Say("button.right")), new("change", turn.Say("button.change"))]);
    }

    public async Task OnThemeConfirmationAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        switch (turn.PressedChoice()?.Key)
        {
            case "right":
                if (await CurrentSubmissionAsync(turn, cancellationToken) is { } submission)
                    turn.SaveSubmission(submission with { LabelSource = LabelSource.Citizen, NeedsReview = false });
                turn.Reply(turn.Say("theme.confirmed"));
                AskForMore(turn);
                break;
            case "change":
                var campaign = turn.Campaign!;
                turn.State = turn.State with { Step = FlowStep.ChangingTheme };
                turn.Reply(turn.Say("theme.pick"), [.. campaign.Taxonomy.Themes.Select(t => new Choice(t.Key, t.Name(turn.Language)))]);
                break;
            default:
                OnInput(turn);
                break;
        }
    }

    public async Task OnThemeChosenAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        var campaign = turn.Campaign!;
        var theme = turn.PressedChoice()?.Key;
        if (theme is null || !campaign.Taxonomy.Contains(theme))
        {
            OnInput(turn);
            return;
        }
        if (await CurrentSubmissionAsync(turn, cancellationToken) is { } submission)
            turn.SaveSubmission(submission with { Theme = theme, LabelSource = LabelSource.Citizen, NeedsReview = false });
        turn.Reply(turn.Say("theme.changed", ThemeName(campaign, theme, turn.Language)));
        AskForMore(turn);
    }

    /// <summary>The resident edited a message they sent: the submission takes the new text and keeps the old one in its history.</summary>
    public async Task OnEditAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        var text = turn.Text;
        if (turn.Participant is not { HasConsented: true } participant || turn.Activity.Id is not { } messageKey
            || text.Length is 0 or > InputGuard.MaxTextLength)
            return;
        var submission = await submissions.FindByChannelMessageAsync(participant.Id, messageKey, cancellationToken);
        if (submission is null || submission.Text == text)
            return;
        var edited = submission with
        {
            Text = text,
            History = [.. submission.History, new TextRevision(submission.Text, turn.Now)],
        };
        if (edited.LabelSource is LabelSource.None or LabelSource.Model && turn.Campaign is { } campaign)
            edited = edited.Classified(classifier.Classify(text, campaign.Code, campaign.Taxonomy), campaign.ReviewThreshold);
        turn.SaveSubmission(edited);
        turn.Reply(turn.Say("edit.saved"), turn.State.PendingChoices);
    }

    private static void AskForMore(TurnContext turn)
    {
        turn.State = turn.State with { Step = FlowStep.AwaitingInput, SubmissionId = null };
        turn.Reply(turn.Say("anything.else"));
    }

    private async Task<Submission?> CurrentSubmissionAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        if (turn.State.SubmissionId is not { } id)
            return null;
        var submission = turn.SubmissionWrites.FirstOrDefault(s => s.Id == id) ?? await submissions.GetAsync(id, cancellationToken);
        return submission?.ParticipantId == turn.Participant?.Id ? submission : null;
    }

    private static string ThemeName(Campaign campaign, string theme, string language) =>
        campaign.Taxonomy.Find(theme)?.Name(language) ?? theme;
}
