namespace CitizenData.Bot.Conversations;

/// <summary>Runs the middleware in order, then the handler, as Bot Builder's middleware set does.</summary>
public sealed class TurnPipeline(IEnumerable<ITurnMiddleware> middleware, ITurnHandler handler)
{
    private readonly ITurnMiddleware[] steps = [.. middleware];

    public Task RunAsync(TurnContext turn, CancellationToken cancellationToken) => RunFromAsync(0, turn, cancellationToken);

    private Task RunFromAsync(int index, TurnContext turn, CancellationToken cancellationToken) =>
        index == steps.Length
            ? handler.OnTurnAsync(turn, cancellationToken)
            : steps[index].OnTurnAsync(turn, () => RunFromAsync(index + 1, turn, cancellationToken), cancellationToken);
}
