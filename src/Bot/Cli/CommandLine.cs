namespace CitizenData.Bot.Cli;

/// <summary>Dispatches the first argument to a command; no command (or an option first) means serve.</summary>
public static class CommandLine
{
    private static readonly Dictionary<string, Func<string[], Task<int>>> Commands = new(StringComparer.OrdinalIgnoreCase)
    {
        ["serve"] = ServeCommand.RunAsync,
        ["evaluate"] = EvaluateCommand.RunAsync,
        ["train"] = TrainCommand.RunAsync,
    };

    public static async Task<int> RunAsync(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        if (args.Length == 0 || args[0].StartsWith('-'))
            return await ServeCommand.RunAsync(args);
        if (args[0] is "help" or "--help" or "-h")
        {
            PrintUsage(Console.Out);
            return 0;
        }
        if (!Commands.TryGetValue(args[0], out var command))
        {
            await Console.Error.WriteLineAsync($"Unknown command '{args[0]}'.");
            PrintUsage(Console.Error);
            return 2;
        }
        return await command(args[1..]);
    }

    private static void PrintUsage(TextWriter writer) => writer.WriteLine(
        """
        Usage: citizendata [command] [options]

          serve                                  run the server (the default)
          demo                                   run a campaign with simulated residents and print the summary
          evaluate --train T.tsv --test E.tsv    train a classifier on T and report its quality on E (--json for machines)
          evaluate --test E.tsv                  evaluate the shipped default model on E
          train [--out FILE]                     build the default theme model from the seed examples
          export --campaign CODE --format csv|json --out FILE
        """);
}
