namespace CitizenData.Bot.Conversations.Flows;

/// <summary>
/// Answers what the conversation cannot use (no text, only white space, too long) before it reaches the flow, so
/// nothing about it is stored.
/// </summary>
public sealed class InputGuard : ITurnMiddleware
{
    /// <summary>Telegram's own limit for a message; we hold every channel to it.</summary>
    public const int MaxTextLength = 4096;

    public Task OnTurnAsync(TurnContext turn, Func<Task> next, CancellationToken cancellationToken)
    {
        if (turn.Activity.Type != ActivityTypes.Message)
            return next();
        if (turn.Text.Length == 0)
        {
            turn.Reply(turn.Activity.HasAttachments ? turn.Say("error.not.text") : turn.Say("error.empty"), turn.State.PendingChoices);
            return Task.CompletedTask;
        }
        if (turn.Text.Length > MaxTextLength)
        {
            turn.Reply(turn.Say("error.too.long", turn.Text.Length, MaxTextLength), turn.State.PendingChoices);
            return Task.CompletedTask;
        }
        return next();
    }
}
