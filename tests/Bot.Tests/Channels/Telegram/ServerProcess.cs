using System.Diagnostics;
using System.Text;

namespace CitizenData.Bot.Tests.Channels.Telegram;

/// <summary>
/// The real server as its own process (<c>dotnet citizendata.dll …</c>), so a test can kill it with SIGKILL, the way
/// an out-of-memory killer or a pulled plug would: no shutdown code runs.
/// </summary>
internal sealed class ServerProcess : IDisposable
{
    private readonly Process process;
    private readonly StringBuilder output = new();

    private ServerProcess(Process process) => this.process = process;

    public string Output
    {
        get
        {
            lock (output)
                return output.ToString();
        }
    }

    public bool HasExited => process.HasExited;

    public static ServerProcess Start(IReadOnlyDictionary<string, string> settings)
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "citizendata.dll");
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(dll);
        foreach (var (key, value) in settings)
            start.ArgumentList.Add($"--{key}={value}");
        var server = new ServerProcess(Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start."));
        server.process.OutputDataReceived += server.Collect;
        server.process.ErrorDataReceived += server.Collect;
        server.process.BeginOutputReadLine();
        server.process.BeginErrorReadLine();
        return server;
    }

    /// <summary>
    /// Waits until the server answers <c>/healthz</c>: background services (Telegram polling, say) start before Kestrel
    /// listens, so a call to the Telegram fake does not mean the server takes HTTP requests yet.
    /// </summary>
    public async Task WaitUntilListeningAsync(string baseUrl, TimeSpan timeout)
    {
        using var client = new HttpClient { BaseAddress = new Uri(baseUrl), Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            if (process.HasExited)
                throw new InvalidOperationException("The server exited before it listened:\n" + Output);
            try
            {
                using var response = await client.GetAsync("/healthz");
                if (response.IsSuccessStatusCode)
                    return;
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException)
            {
                // Slow to answer; ask again.
            }
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException($"The server did not answer /healthz within {timeout}:\n{Output}");
            await Task.Delay(100);
        }
    }

    /// <summary>SIGKILL on Linux: the process ends mid-instruction, connections drop, nothing is flushed by us.</summary>
    public void Kill()
    {
        process.Kill(entireProcessTree: true);
        process.WaitForExit();
    }

    public void Dispose()
    {
        if (!process.HasExited)
            Kill();
        process.Dispose();
    }

    private void Collect(object sender, DataReceivedEventArgs e)
    {
        if (e.Data is null)
            return;
        lock (output)
            output.AppendLine(e.Data);
    }
}
