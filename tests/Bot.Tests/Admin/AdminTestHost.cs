using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using CitizenData.Bot.Admin.Accounts;
using CitizenData.Bot.Hosting;
using CitizenData.Bot.Tests.Support;
using CitizenData.Feedback.Storage;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;

namespace CitizenData.Bot.Tests.Admin;

/// <summary>
/// The real server on a free loopback port with its own SQLite file, for admin API tests over real HTTP:
/// <code>
/// await using var host = await AdminTestHost.StartAsync();
/// using var analyst = await host.ClientForRoleAsync(StaffRoles.Analyst);   // Authorization: Bearer &lt;new key&gt;
/// var response = await analyst.GetAsync("/api/admin/campaigns");
/// </code>
/// The first admin is <see cref="AdminUser"/> / <see cref="AdminPassword"/> with API key <see cref="AdminApiKey"/>.
/// </summary>
public sealed class AdminTestHost : IAsyncDisposable
{
    public const string AdminUser = "admin";
    public const string AdminPassword = "first-admin-password";
    public const string AdminApiKey = "cdk_test-initial-admin-key";

    private readonly WebApplication app;
    private readonly List<HttpClient> clients = [];

    private AdminTestHost(WebApplication app, TempDatabase database, Uri baseAddress)
    {
        this.app = app;
        Database = database;
        BaseAddress = baseAddress;
    }

    public TempDatabase Database { get; }
    public Uri BaseAddress { get; }
    public IServiceProvider Services => app.Services;
    public IFeedbackStorage Storage => app.Services.GetRequiredService<IFeedbackStorage>();

    /// <summary>Starts the whole host (all hosted services) on <c>http://127.0.0.1:&lt;free port&gt;</c>.</summary>
    /// <remarks>
    /// Without <paramref name="extraArgs"/> the database starts as a copy of one first run (schema, default campaign,
    /// first admin, trained seed model), so each test does not train the theme model again.
    /// </remarks>
    public static async Task<AdminTestHost> StartAsync(Action<WebApplicationBuilder>? configure = null, params string[] extraArgs)
    {
        var database = new TempDatabase();
        if (extraArgs.Length == 0)
            File.Copy(await FirstRun.Value, database.Path);
        var app = BotHost.Build([.. Arguments(database.Path), .. extraArgs], configure);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        return new AdminTestHost(app, database, new Uri(address));
    }

    private static readonly Lazy<Task<string>> FirstRun = new(FirstRunAsync);

    private static string[] Arguments(string databasePath) =>
    [
        "--Urls=http://127.0.0.1:0",
        $"--Storage:Sqlite:Path={databasePath}",
        "--Logging:LogLevel:Default=Warning",
        $"--Admin:InitialUser={AdminUser}",
        $"--Admin:InitialPassword={AdminPassword}",
        $"--Admin:InitialApiKey={AdminApiKey}",
    ];

    private static async Task<string> FirstRunAsync()
    {
        var template = new TempDatabase();
        AppDomain.CurrentDomain.ProcessExit += (_, _) => template.Dispose();
        await using (var app = BotHost.Build(Arguments(template.Path)))
        {
            await app.StartAsync();
            await app.StopAsync();
        }
        // Closing the last connection checkpoints the write-ahead log into the file, so the file alone is the database.
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        return template.Path;
    }

    /// <summary>A client without credentials.</summary>
    public HttpClient Anonymous() => Track(new HttpClient { BaseAddress = BaseAddress });

    /// <summary>A client sending <c>Authorization: Bearer <paramref name="apiKey"/></c>.</summary>
    public HttpClient WithApiKey(string apiKey)
    {
        var client = Anonymous();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", apiKey);
        return client;
    }

    /// <summary>Creates an API key with <paramref name="role"/> (through the product's own code) and a client that uses it.</summary>
    public async Task<HttpClient> ClientForRoleAsync(string role) => WithApiKey(await CreateApiKeyAsync(role));

    /// <summary>A new API key with this role; returns the key itself.</summary>
    public async Task<string> CreateApiKeyAsync(string role, string? name = null)
    {
        var (_, key) = await app.Services.GetRequiredService<StaffApiKeys>().CreateAsync(name ?? $"test {role}", role, "test");
        return key;
    }

    /// <summary>A new dashboard account with this role.</summary>
    public Task CreateAccountAsync(string userName, string password, string role) =>
        app.Services.GetRequiredService<StaffAccounts>().CreateAsync(userName, role, password, "test");

    /// <summary>
    /// Signs in through the login form as the dashboard does (antiforgery token, then the form post) and returns a
    /// client carrying the login cookie, with the sign-in response for inspection.
    /// </summary>
    public async Task<(HttpClient Client, HttpResponseMessage Response)> SignInAsync(string userName, string password)
    {
        var jar = new CookieJar();
        var client = Track(new HttpClient(jar) { BaseAddress = BaseAddress });
        var token = (await client.GetFromJsonAsync<AntiforgeryToken>("/api/admin/antiforgery"))!;
        var response = await client.PostAsync("/api/admin/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            [token.FormFieldName] = token.RequestToken,
            ["userName"] = userName,
            ["password"] = password,
        }));
        return (client, response);
    }

    public async Task<HttpClient> SignedInClientAsync(string userName, string password)
    {
        var (client, response) = await SignInAsync(userName, password);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return client;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var client in clients)
            client.Dispose();
        await app.StopAsync();
        await app.DisposeAsync();
        Database.Dispose();
    }

    private HttpClient Track(HttpClient client)
    {
        clients.Add(client);
        return client;
    }

    private sealed record AntiforgeryToken(string FormFieldName, string RequestToken);

    /// <summary>
    /// Keeps cookies by name and sends them back. HttpClient's own container withholds Secure cookies over plain HTTP,
    /// and the login cookie is always Secure; browsers accept that on localhost, this jar stands in for one.
    /// </summary>
    private sealed class CookieJar() : DelegatingHandler(new HttpClientHandler { UseCookies = false, AllowAutoRedirect = false })
    {
        private readonly Dictionary<string, string> cookies = [];

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            lock (cookies)
            {
                if (cookies.Count > 0)
                    request.Headers.Add("Cookie", string.Join("; ", cookies.Select(c => $"{c.Key}={c.Value}")));
            }
            var response = await base.SendAsync(request, cancellationToken);
            if (response.Headers.TryGetValues("Set-Cookie", out var values))
            {
                lock (cookies)
                {
                    foreach (var pair in values.Select(v => v.Split(';')[0].Split('=', 2)))
                    {
                        if (pair[1].Length == 0)
                            cookies.Remove(pair[0]);
                        else
                            cookies[pair[0]] = pair[1];
                    }
                }
            }
            return response;
        }
    }
}
