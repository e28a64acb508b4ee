namespace CitizenData.Bot.Workers;

/// <summary>
/// The loop every background worker runs: a round of work (which waits for more when idle), again and again until
/// the host stops; a failing round backs off (1 s, 2 s … 30 s) and is logged once until a round succeeds.
/// </summary>
internal static class WorkLoop
{
    public static async Task RunAsync(Func<CancellationToken, Task> round, Action<Exception> reportFailure, CancellationToken stoppingToken)
    {
        var failures = 0;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await round(stoppingToken);
                failures = 0;
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                if (failures++ == 0)
                    reportFailure(e);
                await Task.Delay(TimeSpan.FromSeconds(Math.Min(30, failures)), stoppingToken);
            }
        }
    }
}
