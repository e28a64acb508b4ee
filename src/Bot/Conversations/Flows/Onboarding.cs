using CitizenData.Bot.Conversations.Localisation;
using CitizenData.Feedback.Campaigns;
using CitizenData.Feedback.Participants;
using CitizenData.Feedback.Storage;

namespace CitizenData.Bot.Conversations.Flows;

/// <summary>Joining a campaign: language, consent, being quoted, and the optional profile questions.</summary>
public sealed class Onboarding(ICampaignStore campaigns, Inputs inputs)
{
    private const string LanguageKeyPrefix = "lang:";

    public async Task StartAsync(TurnContext turn, string? campaignCode, CancellationToken cancellationToken)
    {
        var campaign = campaignCode is null
            ? turn.Campaign ?? await campaigns.GetAsync(ResidentConversation.DefaultCampaignCode, cancellationToken)
            : await campaigns.GetAsync(campaignCode, cancellationToken);
        if (campaign is null)
        {
            turn.Reply(turn.Say("error.unknown.campaign", campaignCode ?? ResidentConversation.DefaultCampaignCode), turn.State.PendingChoices);
            return;
        }
        turn.Campaign = campaign;
        var language = ChooseLanguage(turn, campaign);
        turn.State = turn.State with { CampaignCode = campaign.Code, Language = language };
        if (campaign.Status != CampaignStatus.Open)
        {
            turn.Reply(turn.Say("error.campaign.closed", campaign.Title(language)));
            return;
        }

        if (turn.Participant is { HasConsented: true } participant && participant.CampaignCode == campaign.Code)
        {
            if (participant.OptedOut)
                turn.SaveParticipant(participant with { OptedOut = false });
            turn.Reply(turn.Say(participant.OptedOut ? "start.resumed" : "start.welcome.back"));
            inputs.AskQuestion(turn);
            return;
        }
        AskConsent(turn, campaign);
    }

    public void OnConsentAnswer(TurnContext turn)
    {
        var campaign = RequireCampaign(turn);
        switch (turn.PressedChoice()?.Key)
        {
            case "agree":
                var participant = turn.Participant ?? NewParticipant(turn, campaign);
                turn.SaveParticipant(participant with
                {
                    CampaignCode = campaign.Code,
                    Language = turn.Language,
                    Consent = new ConsentRecord(campaign.ConsentVersion, turn.Language, turn.Now),
                    ConsentDeclinedAt = null,
                    OptedOut = false,
                });
                AskQuoteConsent(turn);
                break;
            case "decline":
                Decline(turn, campaign);
                break;
            case "language":
                AskLanguage(turn);
                break;
            default:
                turn.Reply(turn.Say("consent.repeat"), ConsentChoices(turn));
                break;
        }
    }

    public void AskQuoteConsent(TurnContext turn)
    {
        turn.State = turn.State with { Step = FlowStep.AwaitingQuoteConsent };
        turn.Reply(turn.Say("quote.ask"), YesNo(turn));
    }

    public void OnQuoteAnswer(TurnContext turn)
    {
        var answer = turn.PressedChoice()?.Key;
        if (answer is not ("yes" or "no") || turn.Participant is null)
        {
            turn.Reply(turn.Say("quote.repeat"), YesNo(turn));
            return;
        }
        turn.SaveParticipant(turn.Participant with { QuoteConsent = answer == "yes" });
        var campaign = RequireCampaign(turn);
        if (campaign.ProfileQuestions.Count == 0)
        {
            inputs.AskQuestion(turn);
            return;
        }
        turn.Reply(turn.Say("profile.intro"));
        AskProfileQuestion(turn, 0);
    }

    public void AskProfileQuestion(TurnContext turn, int index)
    {
        var campaign = RequireCampaign(turn);
        if (index >= campaign.ProfileQuestions.Count)
        {
            inputs.AskQuestion(turn);
            return;
        }
        var question = campaign.ProfileQuestions[index];
        var language = turn.Language;
        var prompt = Localised.Pick(question.Prompts, language, campaign.Languages);
        var purpose = question.Purposes.Count > 0 ? Localised.Pick(question.Purposes, language, campaign.Languages) : null;
        turn.State = turn.State with { Step = FlowStep.Profile, ProfileIndex = index };
        turn.Reply(
            purpose is null ? prompt : $"{prompt}\n_{purpose}_",
            [.. question.Choices.Select(c => new Choice(c.Value, Localised.Pick(c.Labels, language, campaign.Languages))), new Choice("skip", turn.Say("button.skip"))]);
    }

    public void OnProfileAnswer(TurnContext turn)
    {
        var campaign = RequireCampaign(turn);
        var index = turn.State.ProfileIndex;
        if (turn.Participant is null || index >= campaign.ProfileQuestions.Count)
        {
            inputs.AskQuestion(turn);
            return;
        }
        var question = campaign.ProfileQuestions[index];
        var pressed = turn.PressedChoice();
        if (pressed?.Key != "skip")
        {
            string? answer = pressed?.Key ?? (question.Choices.Count == 0 ? turn.Text : question.FindChoice(turn.Text)?.Value);
            if (answer is null)
            {
                turn.Reply(turn.Say("profile.pick"), turn.State.PendingChoices);
                return;
            }
            var profile = new Dictionary<string, string>(turn.Participant.Profile) { [question.Key] = answer };
            turn.SaveParticipant(turn.Participant with { Profile = profile });
        }
        AskProfileQuestion(turn, index + 1);
    }

    public void AskLanguage(TurnContext turn)
    {
        var offered = turn.Campaign?.Languages.Where(turn.Texts.Supports).ToList() is { Count: > 0 } languages ? languages : [.. turn.Texts.Languages];
        var returnStep = turn.State.Step == FlowStep.ChoosingLanguage ? turn.State.ReturnStep : turn.State.Step;
        turn.State = turn.State with { Step = FlowStep.ChoosingLanguage, ReturnStep = returnStep };
        turn.Reply(turn.Say("language.pick"), [.. offered.Select(code => new Choice(LanguageKeyPrefix + code, turn.Texts.LanguageName(code)))]);
    }

    /// <summary>Returns true when a language was chosen; otherwise asks again.</summary>
    public bool OnLanguageAnswer(TurnContext turn)
    {
        var key = turn.PressedChoice()?.Key;
        if (key is null || !key.StartsWith(LanguageKeyPrefix, StringComparison.Ordinal))
        {
            turn.Reply(turn.Say("language.pick"), turn.State.PendingChoices);
            return false;
        }
        var language = key[LanguageKeyPrefix.Length..];
        turn.State = turn.State with { Language = language, Step = turn.State.ReturnStep };
        if (turn.Participant is { HasConsented: true } participant)
            turn.SaveParticipant(participant with { Language = language });
        turn.Reply(turn.Say("language.changed"));
        return true;
    }

    /// <summary>
    /// The consent notice a campaign's residents get in <paramref name="language"/>, with its buttons (the dashboard's
    /// campaign editor previews the same message).
    /// </summary>
    public static (string Text, Choice[] Choices) ConsentNotice(BotTexts texts, string language, string title, string organisation)
    {
        ArgumentNullException.ThrowIfNull(texts);
        return (texts.Get(language, "consent.notice", title, organisation), ConsentChoices(texts, language));
    }

    private static void AskConsent(TurnContext turn, Campaign campaign)
    {
        turn.State = turn.State with { Step = FlowStep.AwaitingConsent };
        var (notice, choices) = ConsentNotice(turn.Texts, turn.Language, campaign.Title(turn.Language), campaign.Organisation);
        turn.Reply(notice, choices);
    }

    /// <summary>Keeps only an opt-out record: no language, no profile, nothing the resident wrote.</summary>
    private static void Decline(TurnContext turn, Campaign campaign)
    {
        var declined = (turn.Participant ?? NewParticipant(turn, campaign)) with
        {
            Language = null,
            Consent = null,
            ConsentDeclinedAt = turn.Now,
            QuoteConsent = null,
            Profile = new Dictionary<string, string>(),
        };
        turn.SaveParticipant(declined);
        turn.Reply(turn.Say("consent.declined"));
        turn.State = new ConversationState { Step = FlowStep.Declined };
    }

    private static Participant NewParticipant(TurnContext turn, Campaign campaign) => new()
    {
        Id = Participant.NewId(),
        Channel = turn.Conversation.Channel,
        ChannelUserId = turn.Activity.From?.Id ?? turn.Conversation.ConversationId,
        ConversationId = turn.Conversation.ConversationId,
        CampaignCode = campaign.Code,
        CreatedAt = turn.Now,
    };

    private static string ChooseLanguage(TurnContext turn, Campaign campaign)
    {
        string?[] candidates = [turn.State.Language, turn.Participant?.Language, turn.Texts.MatchLocale(turn.Activity.Locale)];
        return candidates.FirstOrDefault(c => c is not null && campaign.Offers(c) && turn.Texts.Supports(c))
            ?? campaign.Languages.FirstOrDefault(turn.Texts.Supports)
            ?? turn.Texts.DefaultLanguage;
    }

    private static Campaign RequireCampaign(TurnContext turn) =>
        turn.Campaign ?? throw new InvalidOperationException($"Conversation {turn.Conversation} has no campaign.");

    private static Choice[] ConsentChoices(TurnContext turn) => ConsentChoices(turn.Texts, turn.Language);

    private static Choice[] ConsentChoices(BotTexts texts, string language) =>
        [new("agree", texts.Get(language, "button.agree")), new("decline", texts.Get(language, "button.decline")), new("language", texts.Get(language, "button.language"))];

    private static Choice[] YesNo(TurnContext turn) => [new("yes", turn.Say("button.yes")), new("no", turn.Say("button.no"))];
}
