namespace CitizenData.Bot.Conversations;

/// <summary>The end of the pipeline: the conversation itself.</summary>
public interface ITurnHandler
{
    Task OnTurnAsync(TurnContext turn, CancellationToken cancellationToken);
}
