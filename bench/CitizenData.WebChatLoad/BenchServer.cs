using System.Diagnostics;
using CitizenData.Bot.Conversations;
using CitizenData.Bot.Conversations.Flows;
using CitizenData.Bot.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace CitizenData.WebChatLoad;

/// <summary>The real host, with one change: messages starting with "echo:" are answered by a bare echo turn (the baseline).</summary>
internal static class BenchServer
{
    public static async Task<int> RunAsync(string[] args)
    {
        await using var app = BotHost.Build(args, builder =>
        {
            builder.Services.AddSingleton<ResidentConversation>();
            builder.Services.AddSingleton<ITurnHandler, EchoOrResident>();
        });
        // Server-side memory, read by the driver: managed heap after a full collection, and the process working set.
        app.MapGet("/bench/memory", () =>
        {
            var heap = GC.GetTotalMemory(forceFullCollection: true);
            using var process = Process.GetCurrentProcess();
            return TypedResults.Ok(new MemorySample(heap, process.WorkingSet64));
        });
        await app.RunAsync();
        return 0;
    }
}

internal sealed record MemorySample(long ManagedHeapBytes, long WorkingSetBytes);

/// <summary>The baseline: the same inbox, pipeline, state, outbox and Direct Line path, with a turn that only echoes.</summary>
internal sealed class EchoOrResident(ResidentConversation resident) : ITurnHandler
{
    public const string EchoPrefix = "echo:";

    public Task OnTurnAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        if (!turn.Text.StartsWith(EchoPrefix, StringComparison.Ordinal))
            return resident.OnTurnAsync(turn, cancellationToken);
        turn.Reply(turn.Text);
        return Task.CompletedTask;
    }
}
