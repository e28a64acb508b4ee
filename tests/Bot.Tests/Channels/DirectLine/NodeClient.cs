using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Text.Json;

namespace CitizenData.Bot.Tests.Channels.DirectLine;

/// <summary>Runs the Node scripts in node/ (the official botframework-directlinejs client), installing their packages on first use.</summary>
internal static class NodeClient
{
    private static readonly SemaphoreSlim InstallLock = new(1, 1);

    public static string Directory([CallerFilePath] string source = "") => Path.Combine(Path.GetDirectoryName(source)!, "node");

    public static async Task EnsureInstalledAsync()
    {
        var directory = Directory();
        await InstallLock.WaitAsync();
        try
        {
            if (System.IO.Directory.Exists(Path.Combine(directory, "node_modules", "botframework-directlinejs")))
                return;
            var (exit, output) = await RunAsync("npm", ["install", "--no-audit", "--no-fund", "--loglevel=error"], directory, TimeSpan.FromMinutes(5));
            Assert.True(exit == 0, "npm install failed: " + output);
        }
        finally
        {
            InstallLock.Release();
        }
    }

    /// <summary>Runs a script and parses the one JSON line it prints.</summary>
    public static async Task<JsonDocument> RunScriptAsync(string script, TimeSpan timeout, params string[] arguments)
    {
        await EnsureInstalledAsync();
        var (exit, output) = await RunAsync("node", [script, .. arguments], Directory(), timeout);
        var line = output.Split('\n').LastOrDefault(l => l.TrimStart().StartsWith('{'));
        Assert.True(exit == 0 && line is not null, $"node {script} exited with {exit}: {output}");
        return JsonDocument.Parse(line);
    }

    private static async Task<(int Exit, string Output)> RunAsync(string file, string[] arguments, string directory, TimeSpan timeout)
    {
        var start = new ProcessStartInfo(file)
        {
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var cancel = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cancel.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            return (-1, $"timed out after {timeout}: {await stdout}\n{await stderr}");
        }
        return (process.ExitCode, $"{await stdout}\n{await stderr}");
    }
}
