using CitizenData.Feedback.Storage;

namespace CitizenData.Bot.Conversations.Flows;

/// <summary>
/// The resident's conversation: commands first, then whatever step the conversation is at. Each step lives with its
/// kind: <see cref="Onboarding"/> (campaign, language, consent, profile), <see cref="Inputs"/> (what residents say and
/// how it was understood), <see cref="PrivacyCommands"/> (/mydata, /forget, /stop), <see cref="Updates"/> (/updates).
/// </summary>
public sealed class ResidentConversation(ICampaignStore campaigns, Onboarding onboarding, Inputs inputs, PrivacyCommands privacy, Updates updates) : ITurnHandler
{
    public const string DefaultCampaignCode = "community";

    public async Task OnTurnAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        turn.Campaign = await campaigns.GetAsync(turn.State.CampaignCode ?? turn.Participant?.CampaignCode ?? DefaultCampaignCode, cancellationToken);
        switch (turn.Activity.Type)
        {
            case ActivityTypes.MessageUpdate:
                await inputs.OnEditAsync(turn, cancellationToken);
                return;
            case ActivityTypes.ContactRelationUpdate:
                privacy.OnReachabilityChanged(turn);
                return;
            case ActivityTypes.Message:
                break;
            default:
                return; // typing, conversationUpdate and the like need no answer
        }

        if (Command.Parse(turn.Text) is { } command)
        {
            await OnCommandAsync(turn, command, cancellationToken);
            return;
        }

        switch (turn.State.Step)
        {
            case FlowStep.New when turn.Participant is { HasConsented: true }:
                // A reset conversation of someone who already agreed: what they wrote is input, not a greeting.
                inputs.OnInput(turn);
                break;
            case FlowStep.New:
                await onboarding.StartAsync(turn, null, cancellationToken);
                break;
            case FlowStep.AwaitingConsent:
                onboarding.OnConsentAnswer(turn);
                break;
            case FlowStep.ChoosingLanguage:
                await OnLanguageChosenAsync(turn, cancellationToken);
                break;
            case FlowStep.AwaitingQuoteConsent:
                onboarding.OnQuoteAnswer(turn);
                break;
            case FlowStep.Profile:
                onboarding.OnProfileAnswer(turn);
                break;
            case FlowStep.ConfirmingTheme:
                await inputs.OnThemeConfirmationAsync(turn, cancellationToken);
                break;
            case FlowStep.ChangingTheme:
                await inputs.OnThemeChosenAsync(turn, cancellationToken);
                break;
            case FlowStep.ConfirmingForget:
                privacy.OnForgetAnswer(turn);
                break;
            case FlowStep.Declined:
                turn.Reply(turn.Say("consent.declined.again"));
                break;
            default:
                inputs.OnInput(turn);
                break;
        }
    }

    private async Task OnCommandAsync(TurnContext turn, Command command, CancellationToken cancellationToken)
    {
        switch (command.Name)
        {
            case "start":
                await onboarding.StartAsync(turn, command.Argument.Length > 0 ? command.Argument : null, cancellationToken);
                break;
            case "help":
                turn.Reply(turn.Say("help"));
                break;
            case "language":
                onboarding.AskLanguage(turn);
                break;
            case "mydata":
                await privacy.ShowMyDataAsync(turn, cancellationToken);
                break;
            case "forget":
                privacy.AskForget(turn);
                break;
            case "stop":
                privacy.Stop(turn);
                break;
            case "updates":
                await updates.ShowAsync(turn, cancellationToken);
                break;
            default:
                turn.Reply(turn.Say("error.unknown.command", "/" + command.Name), turn.State.PendingChoices);
                break;
        }
    }

    private async Task OnLanguageChosenAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        if (!onboarding.OnLanguageAnswer(turn))
            return;
        await ResumeAsync(turn, turn.State.ReturnStep, cancellationToken);
    }

    /// <summary>Asks again what the step was waiting for, e.g. after a language change.</summary>
    private async Task ResumeAsync(TurnContext turn, FlowStep step, CancellationToken cancellationToken)
    {
        switch (step)
        {
            case FlowStep.New or FlowStep.AwaitingConsent or FlowStep.Declined:
                await onboarding.StartAsync(turn, null, cancellationToken);
                break;
            case FlowStep.AwaitingQuoteConsent:
                onboarding.AskQuoteConsent(turn);
                break;
            case FlowStep.Profile:
                onboarding.AskProfileQuestion(turn, turn.State.ProfileIndex);
                break;
            default:
                inputs.AskQuestion(turn);
                break;
        }
    }
}
