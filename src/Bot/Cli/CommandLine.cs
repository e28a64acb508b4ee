namespace CitizenData.Bot.Cli;

/// <summary>Dispatches the first argument to a command; no command (or an option first) means serve.</summary>
public static class CommandLine
{
    private static readonly (string Name, string Usage, Func<string[], Task<int>> Run)[] Commands =
    [
        ("serve", "serve                                  run the server (the default)", ServeCommand.RunAsync),
        ("demo", "demo [--residents N]                   simulated residents through the real conversation; prints what was collected", DemoCommand.RunAsync),
        ("export", ExportCommand.Usage + "\n" + new string(' ', 41) + "a campaign's data with its datapackage.json (same code as the admin API)", ExportCommand.RunAsync),
        ("evaluate", "evaluate --train T.tsv --test E.tsv [--json]   train a theme classifier on T, report its quality on E\n"
            + "  evaluate --test E.tsv [--json]         evaluate the default model (trained from the seed examples) on E\n"
            + "  evaluate --train T.tsv --folds K       K-fold cross-validation on one file (--with-seeds adds the seeds to every training fold)", EvaluateCommand.RunAsync),
        ("train", "train [--out FILE]                     build the default theme model from the seed examples", TrainCommand.RunAsync),
    ];

    public static async Task<int> RunAsync(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        if (args.Length == 0 || (args[0].StartsWith('-') && args[0] is not ("--help" or "-h")))
            return await ServeCommand.RunAsync(args);
        if (args[0] is "help" or "--help" or "-h")
        {
            PrintUsage(Console.Out);
            return 0;
        }
        var command = Commands.FirstOrDefault(c => string.Equals(c.Name, args[0], StringComparison.OrdinalIgnoreCase));
        if (command.Run is null)
        {
            await Console.Error.WriteLineAsync($"Unknown command '{args[0]}'.");
            PrintUsage(Console.Error);
            return 2;
        }
        return await command.Run(args[1..]);
    }

    private static void PrintUsage(TextWriter writer)
    {
        writer.WriteLine("Usage: citizendata [command] [options]");
        writer.WriteLine();
        foreach (var command in Commands)
            writer.WriteLine("  " + command.Usage);
    }
}
