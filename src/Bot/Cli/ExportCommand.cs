using System.Globalization;
using System.Text.Json;
using CitizenData.Bot.Hosting;
using CitizenData.Feedback.Privacy;
using CitizenData.Feedback.Storage;

namespace CitizenData.Bot.Cli;

/// <summary>
/// <c>citizendata export --campaign CODE --format csv|json --out FILE [--audience internal|public] [--from DATE]
/// [--to DATE]</c>: the admin API's export, written to FILE, with its <c>datapackage.json</c> beside it. Configuration
/// arguments (<c>--Storage:Sqlite:Path=…</c>) pass through to the host.
/// </summary>
public static class ExportCommand
{
    public const string Usage = "export --campaign CODE --format csv|json --out FILE [--audience internal|public] [--from DATE] [--to DATE]";

    public static Task<int> RunAsync(string[] args) => RunAsync(args, Console.Out, Console.Error);

    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter errors)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(errors);
        var (options, hostArgs) = Split(args);
        if (!TryRead(options, out var code, out var request, out var file, out var problem))
        {
            await errors.WriteLineAsync(problem);
            await errors.WriteLineAsync("Usage: citizendata " + Usage);
            return 2;
        }

        await using var app = BotHost.Build([.. hostArgs, "--Logging:LogLevel:Default=Warning"]);
        await app.Services.GetServices<IHostedService>().OfType<StorageInitializer>().Single().StartAsync(CancellationToken.None);
        var campaign = await app.Services.GetRequiredService<ICampaignStore>().GetAsync(code);
        if (campaign is null)
        {
            await errors.WriteLineAsync($"No campaign '{code}'.");
            return 1;
        }
        var export = app.Services.GetRequiredService<CampaignExport>();
        var path = Path.GetFullPath(file);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await using (var stream = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 64 * 1024, useAsync: true))
            await export.WriteAsync(campaign, request, stream);
        var descriptor = Path.Combine(Path.GetDirectoryName(path)!, "datapackage.json");
        var package = await export.DescribeAsync(campaign, request, Path.GetFileName(path));
        await File.WriteAllTextAsync(descriptor, package.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
        await output.WriteLineAsync($"Wrote {path} and {descriptor}.");
        return 0;
    }

    private static (Dictionary<string, string> Options, List<string> HostArgs) Split(string[] args)
    {
        var options = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var hostArgs = new List<string>();
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i].Contains(':', StringComparison.Ordinal) || args[i].Contains('=', StringComparison.Ordinal))
                hostArgs.Add(args[i]);
            else if (args[i].StartsWith("--", StringComparison.Ordinal) && i + 1 < args.Length)
                options[args[i][2..]] = args[++i];
            else
                options["?" + args[i]] = args[i];
        }
        return (options, hostArgs);
    }

    private static bool TryRead(Dictionary<string, string> options, out string code, out ExportRequest request, out string file, out string problem)
    {
        code = options.GetValueOrDefault("campaign") ?? string.Empty;
        file = options.GetValueOrDefault("out") ?? string.Empty;
        request = new ExportRequest(ExportFormat.Csv);
        problem = string.Empty;
        var unknown = options.Keys.FirstOrDefault(k => k is not ("campaign" or "format" or "out" or "audience" or "from" or "to"));
        if (unknown is not null)
            problem = $"Unknown option '{unknown.TrimStart('?')}'.";
        else if (code.Length == 0 || file.Length == 0)
            problem = "--campaign and --out are required.";
        else if (!Enum.TryParse<ExportFormat>(options.GetValueOrDefault("format", "csv"), true, out var format) || !Enum.IsDefined(format))
            problem = "--format is csv or json.";
        else if (!Enum.TryParse<ExportAudience>(options.GetValueOrDefault("audience", "internal"), true, out var audience) || !Enum.IsDefined(audience))
            problem = "--audience is internal or public.";
        else if (!TryTime(options.GetValueOrDefault("from"), out var from) || !TryTime(options.GetValueOrDefault("to"), out var to))
            problem = "--from and --to are ISO 8601 dates or times.";
        else
            request = new ExportRequest(format, audience, from, to);
        return problem.Length == 0;
    }

    private static bool TryTime(string? value, out DateTimeOffset? time)
    {
        time = null;
        if (value is null)
            return true;
        if (!DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var parsed))
            return false;
        time = parsed;
        return true;
    }
}
