using System.Globalization;
using CitizenData.Bot.Channels.InProcess;
using CitizenData.Bot.Cli.Demo;
using CitizenData.Bot.Conversations;
using CitizenData.Bot.Hosting;
using CitizenData.Feedback.Storage;
using CitizenData.Feedback.Submissions;
using CitizenData.Feedback.Themes.Learning;
using CitizenData.Feedback.Themes.Serving;
using Microsoft.Data.Sqlite;

namespace CitizenData.Bot.Cli;

/// <summary>
/// <c>citizendata demo [--residents N]</c>: simulated residents go through the real conversation (inbox, turns,
/// classifier, outbox) in-process, on a throw-away database, and the collected input is printed per theme.
/// </summary>
public static class DemoCommand
{
    public static Task<int> RunAsync(string[] args) => RunAsync(args, Console.Out, Console.Error);

    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter errors)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(errors);
        var residents = ReadResidents(args);
        if (residents is null)
        {
            await errors.WriteLineAsync("Usage: citizendata demo [--residents N]   (N from 1 to 10000, default 24)");
            return 2;
        }

        var folder = Directory.CreateTempSubdirectory("citizendata-demo-");
        try
        {
            await using var app = BotHost.Build([$"--Storage:Sqlite:Path={Path.Combine(folder.FullName, "demo.db")}", "--Logging:LogLevel:Default=Warning"]);
            await app.Services.GetServices<IHostedService>().OfType<StorageInitializer>().Single().StartAsync(CancellationToken.None);
            // The classifier the server would use: the current model, or the seed model trained now on a new database.
            var (_, model) = await app.Services.GetRequiredService<ThemeLearner>().EnsureCurrentAsync(CancellationToken.None);
            app.Services.GetRequiredService<PooledThemeClassifier>().Swap(model);
            var channel = app.Services.GetRequiredService<InProcessChannel>();
            var runner = app.Services.GetRequiredService<InProcessRunner>();

            await output.WriteLineAsync($"Simulating {residents} residents through the real conversation…");
            var random = new Random(2026);
            for (var i = 0; i < residents; i++)
                await SimulateResidentAsync(channel, runner, $"demo-{i:D4}", random);

            var storage = app.Services.GetRequiredService<IFeedbackStorage>();
            await PrintCollectedAsync(storage, app.Services.GetRequiredService<Conversations.Localisation.BotTexts>(), output);
            return 0;
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            folder.Delete(recursive: true);
        }
    }

    private static async Task SimulateResidentAsync(InProcessChannel channel, InProcessRunner runner, string userId, Random random)
    {
        var first = DemoScript.Messages[random.Next(DemoScript.Messages.Count)];
        async Task<Activity?> SayAsync(string text)
        {
            await channel.ReceiveAsync(userId, new Activity { Text = text, Locale = first.Language });
            await runner.RunPendingAsync();
            return channel.TakeReplies(userId) is [.., var last] ? last : null;
        }
        async Task<Activity?> PressAsync(Activity? reply, Func<IReadOnlyList<string>, string> pick)
        {
            var keys = ChoiceKeys.FromChannelData(reply?.ChannelData);
            if (reply?.SuggestedActions is null || keys is null || keys.Count == 0)
                return reply;
            var key = pick(keys);
            return await SayAsync(reply.SuggestedActions.Actions[keys.ToList().IndexOf(key)].Value);
        }

        var reply = await SayAsync("/start community");
        reply = await PressAsync(reply, _ => "agree");
        reply = await PressAsync(reply, keys => keys[random.Next(keys.Count)]);
        reply = await SayAsync(random.Next(2) == 0 ? "Kibera" : "Mathare"); // location
        for (var question = 0; question < 3; question++)
            reply = await PressAsync(reply, keys => keys[random.Next(keys.Count)]);

        var sameLanguage = DemoScript.Messages.Where(m => m.Language == first.Language).ToList();
        foreach (var (_, text) in new[] { first }.Concat(Enumerable.Range(0, random.Next(2)).Select(_ => sameLanguage[random.Next(sameLanguage.Count)])))
        {
            reply = await SayAsync(text);
            await PressAsync(reply, keys => keys.Contains("right") ? "right" : keys[0]);
        }
    }

    private static async Task PrintCollectedAsync(IFeedbackStorage storage, Conversations.Localisation.BotTexts texts, TextWriter output)
    {
        var collected = new List<Submission>();
        await foreach (var submission in storage.Submissions.StreamByCampaignAsync("community"))
            collected.Add(submission);
        var participants = await storage.Participants.ListByCampaignAsync("community");

        output.WriteLine();
        output.WriteLine($"Campaign 'community': {participants.Count} participants, {collected.Count} inputs.");
        output.WriteLine();
        output.WriteLine($"{"theme",-40} {"inputs",7} {"share",7}");
        foreach (var group in collected.GroupBy(s => s.Theme).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal))
        {
            var name = group.Key is null ? "(not classified yet)" : texts.Get("en", "theme." + group.Key);
            var share = (double)group.Count() / collected.Count;
            output.WriteLine($"{name,-40} {group.Count(),7} {share.ToString("P0", CultureInfo.InvariantCulture),7}");
        }
        output.WriteLine();
        output.WriteLine("By language: " + string.Join(", ", collected.GroupBy(s => s.Language).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => $"{g.Key} {g.Count()}")));
        output.WriteLine($"Confirmed or corrected by residents: {collected.Count(s => s.LabelSource == LabelSource.Citizen)}; marked for review: {collected.Count(s => s.NeedsReview)}.");
    }

    private static int? ReadResidents(string[] args)
    {
        if (args.Length == 0)
            return 24;
        return args is ["--residents", var value] && int.TryParse(value, CultureInfo.InvariantCulture, out var n) && n is >= 1 and <= 10_000 ? n : null;
    }
}
