namespace CitizenData.Bot.Conversations;

/// <summary>One step of the turn pipeline; call <paramref name="next"/> to pass the turn on, or don't to end it here.</summary>
public interface ITurnMiddleware
{
    Task OnTurnAsync(TurnContext turn, Func<Task> next, CancellationToken cancellationToken);
}
