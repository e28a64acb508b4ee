using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CitizenData.Bot.Tests.Channels.Telegram.Fake;

/// <summary>
/// A Telegram Bot API server on loopback, speaking the official JSON (<c>{"ok":true,"result":…}</c>), for the real
/// Telegram.Bot client in our real host. It keeps updates for getUpdates (offset, limit, long-poll timeout) or pushes
/// them to a webhook with the secret header, retrying until a 2xx like Telegram does; records everything the bot sends;
/// acts as users; injects 429/403/5xx; can hold sends in flight; and enforces rate limits when asked.
/// </summary>
public sealed partial class FakeTelegramServer : IAsyncDisposable
{
    public const string Token = "123456:TEST-token";
    public const long BotId = 123456;
    public const string BotUsername = "CitizenDataTestBot";

    private readonly object gate = new();
    private readonly WebApplication app;
    private readonly List<JsonObject> pendingUpdates = [];
    private readonly List<SentMessage> sent = [];
    private readonly List<ApiCall> calls = [];
    private readonly Dictionary<string, Queue<FakeFault>> faults = [];
    private readonly HashSet<long> blockedChats = [];
    private readonly Dictionary<long, int> messageIds = [];
    private readonly Dictionary<int, int> deliveries = [];
    private readonly List<(long Chat, DateTimeOffset At)> sendLog = [];
    private readonly HttpClient webhookClient = new() { Timeout = TimeSpan.FromSeconds(30) };
    private readonly CancellationTokenSource stopping = new();
    private TaskCompletionSource changed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private TaskCompletionSource releaseSends = CompletedSource();
    private Task? webhookLoop;
    private int nextUpdateId = 700_000_000;
    private int heldSends;

    private FakeTelegramServer(WebApplication app) => this.app = app;

    public string BaseUrl { get; private set; } = string.Empty;

    /// <summary>The webhook the bot set (null: getUpdates mode).</summary>
    public string? WebhookUrl { get; private set; }

    public string? WebhookSecret { get; private set; }

    /// <summary>False simulates a bot that crashes before every confirmation: getUpdates offsets confirm nothing.</summary>
    public bool ConfirmUpdates { get; set; } = true;

    /// <summary>How long the fake waits before retrying a webhook call that did not get a 2xx.</summary>
    public TimeSpan WebhookRetryDelay { get; set; } = TimeSpan.FromMilliseconds(200);

    /// <summary>When set, sends beyond these limits are answered 429, as Telegram does.</summary>
    public FakeRateLimits? RateLimits { get; set; }

    /// <summary>Held sends whose caller hung up: true counts them delivered (Telegram did it, the answer was lost).</summary>
    public bool HeldSendsDeliverOnHangUp { get; set; } = true;

    public int RateLimitViolations { get; private set; }

    /// <summary>Held sends delivered although their caller hung up: the bot cannot know they arrived.</summary>
    public int DeliveredOnHangUp { get; private set; }

    public static async Task<FakeTelegramServer> StartAsync(int port = 0)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var server = new FakeTelegramServer(app);
        app.MapMethods("/bot{token}/{method}", ["GET", "POST"], server.HandleAsync);
        await app.StartAsync();
        server.BaseUrl = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        server.webhookLoop = Task.Run(server.DeliverToWebhookForeverAsync);
        return server;
    }

    // ---- what the bot sent ----

    public IReadOnlyList<SentMessage> Sent
    {
        get
        {
            lock (gate)
                return [.. sent];
        }
    }

    public int SentCount
    {
        get
        {
            lock (gate)
                return sent.Count;
        }
    }

    public IReadOnlyList<SentMessage> SentTo(long chatId) => [.. Sent.Where(m => m.ChatId == chatId)];

    public IReadOnlyList<ApiCall> Calls
    {
        get
        {
            lock (gate)
                return [.. calls];
        }
    }

    public IReadOnlyList<ApiCall> CallsOf(string method) => [.. Calls.Where(c => c.Method == method)];

    /// <summary>How many times an update was handed to the bot (getUpdates or webhook).</summary>
    public int DeliveriesOf(int updateId)
    {
        lock (gate)
            return deliveries.GetValueOrDefault(updateId);
    }

    public int HeldSends => Volatile.Read(ref heldSends);

    // ---- acting as users ----

    public FakeTelegramUser User(long id, string languageCode = "en", string firstName = "Amina") => new(this, id, languageCode, firstName);

    /// <summary>Queues an update, as if a phone had just done something. Returns its update_id.</summary>
    public int Enqueue(JsonObject body)
    {
        lock (gate)
        {
            var id = nextUpdateId++;
            var update = new JsonObject { ["update_id"] = id };
            foreach (var (key, value) in body)
                update[key] = value?.DeepClone();
            pendingUpdates.Add(update);
            Changed();
            return id;
        }
    }

    internal int NextMessageId(long chatId)
    {
        lock (gate)
        {
            var id = messageIds.GetValueOrDefault(chatId, 0) + 1;
            messageIds[chatId] = id;
            return id;
        }
    }

    internal void SetBlocked(long chatId, bool blocked)
    {
        lock (gate)
        {
            if (blocked)
                blockedChats.Add(chatId);
            else
                blockedChats.Remove(chatId);
        }
    }

    /// <summary>Posts an update to the bot's webhook as Telegram would (secret header included); returns the status.</summary>
    public async Task<HttpStatusCode> PostToWebhookAsync(string json, string? secret = null, CancellationToken cancellationToken = default)
    {
        var url = WebhookUrl ?? throw new InvalidOperationException("No webhook is set.");
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        if ((secret ?? WebhookSecret) is { } token)
            request.Headers.Add("X-Telegram-Bot-Api-Secret-Token", token);
        using var response = await webhookClient.SendAsync(request, cancellationToken);
        return response.StatusCode;
    }

    // ---- faults and flow control ----

    /// <summary>The next <paramref name="times"/> calls of <paramref name="method"/> fail with <paramref name="fault"/>.</summary>
    public void Fail(string method, FakeFault fault, int times = 1)
    {
        lock (gate)
        {
            if (!faults.TryGetValue(method, out var queue))
                faults[method] = queue = new Queue<FakeFault>();
            for (var i = 0; i < times; i++)
                queue.Enqueue(fault);
        }
    }

    /// <summary>sendMessage and sendPhoto wait, unanswered, until <see cref="ReleaseSends"/>.</summary>
    public void HoldSends()
    {
        lock (gate)
        {
            if (releaseSends.Task.IsCompleted)
                releaseSends = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }
    }

    public void ReleaseSends()
    {
        lock (gate)
            releaseSends.TrySetResult();
    }

    /// <summary>Waits until <paramref name="condition"/> holds, checking after every change; fails after the timeout.</summary>
    public async Task WaitUntilAsync(Func<bool> condition, TimeSpan timeout, string what)
    {
        using var cts = new CancellationTokenSource(timeout);
        while (true)
        {
            Task next;
            lock (gate)
                next = changed.Task;
            if (condition())
                return;
            try
            {
                await next.WaitAsync(TimeSpan.FromMilliseconds(250), cts.Token);
            }
            catch (TimeoutException)
            {
                // Check again: conditions may also depend on things outside the fake.
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"Timed out after {timeout.TotalSeconds:0.#} s waiting for {what}.");
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await stopping.CancelAsync();
        ReleaseSends();
        if (webhookLoop is not null)
            await webhookLoop.ConfigureAwait(false);
        await app.StopAsync();
        await app.DisposeAsync();
        webhookClient.Dispose();
        stopping.Dispose();
    }

    // ---- the Bot API ----

    private async Task HandleAsync(HttpContext context, string token, string method)
    {
        if (token != Token)
        {
            await WriteAsync(context, Error(401, "Unauthorized"));
            return;
        }
        var parameters = await FakeTelegramParameters.ReadAsync(context.Request);
        lock (gate)
        {
            calls.Add(new ApiCall(method, parameters, DateTimeOffset.UtcNow));
            Changed();
        }
        if (TakeFault(method) is { } fault)
        {
            await WriteAsync(context, Error(fault.ErrorCode, fault.Description, fault.RetryAfter));
            return;
        }
        var response = method switch
        {
            "getMe" => Ok(BotUser()),
            "getUpdates" => await GetUpdatesAsync(parameters, context.RequestAborted),
            "setWebhook" => SetWebhook(parameters),
            "deleteWebhook" => DeleteWebhook(parameters),
            "getWebhookInfo" => GetWebhookInfo(),
            "sendMessage" or "sendPhoto" => await SendAsync(method, parameters, context.RequestAborted),
            "answerCallbackQuery" or "setMyCommands" => Ok(true),
            "editMessageText" or "editMessageReplyMarkup" => Edit(method, parameters),
            _ => Error(404, "Not Found: method not found"),
        };
        if (response is null)
            return; // the caller hung up
        await WriteAsync(context, response);
    }

    private async Task<(int Status, JsonObject Body)?> GetUpdatesAsync(JsonObject parameters, CancellationToken aborted)
    {
        var offset = Int(parameters, "offset");
        var limit = Math.Clamp(Int(parameters, "limit") ?? 100, 1, 100);
        var timeout = Math.Clamp(Int(parameters, "timeout") ?? 0, 0, 50);
        if (WebhookUrl is not null)
            return Error(409, "Conflict: can't use getUpdates method while webhook is active; use deleteWebhook to delete the webhook first");
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(aborted, stopping.Token);
        deadline.CancelAfter(TimeSpan.FromSeconds(timeout));
        while (true)
        {
            Task next;
            lock (gate)
            {
                if (offset is { } confirmed && ConfirmUpdates)
                    pendingUpdates.RemoveAll(u => (int)u["update_id"]! < confirmed);
                var batch = pendingUpdates.Where(u => offset is null || (int)u["update_id"]! >= offset).Take(limit).ToList();
                if (batch.Count > 0 || deadline.IsCancellationRequested)
                {
                    foreach (var update in batch)
                        deliveries[(int)update["update_id"]!] = deliveries.GetValueOrDefault((int)update["update_id"]!) + 1;
                    Changed();
                    return aborted.IsCancellationRequested ? null : Ok(new JsonArray([.. batch.Select(u => (JsonNode)u.DeepClone())]));
                }
                next = changed.Task;
            }
            try
            {
                await next.WaitAsync(deadline.Token);
            }
            catch (OperationCanceledException)
            {
                if (aborted.IsCancellationRequested)
                    return null;
            }
        }
    }

    private (int, JsonObject) SetWebhook(JsonObject parameters)
    {
        var secret = (string?)parameters["secret_token"];
        if (secret is not null && (secret.Length is 0 or > 256 || !secret.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-')))
            return Error(400, "Bad Request: secret token contains unallowed characters");
        lock (gate)
        {
            WebhookUrl = (string?)parameters["url"] is { Length: > 0 } url ? url : null;
            WebhookSecret = secret;
            if (parameters["drop_pending_updates"]?.GetValue<bool>() == true)
                pendingUpdates.Clear();
            Changed();
        }
        return Ok(true);
    }

    private (int, JsonObject) DeleteWebhook(JsonObject parameters)
    {
        lock (gate)
        {
            WebhookUrl = null;
            WebhookSecret = null;
            if (parameters["drop_pending_updates"]?.GetValue<bool>() == true)
                pendingUpdates.Clear();
            Changed();
        }
        return Ok(true);
    }

    private (int, JsonObject) GetWebhookInfo()
    {
        lock (gate)
            return Ok(new JsonObject { ["url"] = WebhookUrl ?? string.Empty, ["has_custom_certificate"] = false, ["pending_update_count"] = pendingUpdates.Count });
    }

    private async Task<(int, JsonObject)?> SendAsync(string method, JsonObject parameters, CancellationToken aborted)
    {
        Task hold;
        lock (gate)
            hold = releaseSends.Task;
        if (!hold.IsCompleted)
        {
            Interlocked.Increment(ref heldSends);
            lock (gate)
                Changed();
            try
            {
                await hold.WaitAsync(aborted);
            }
            catch (OperationCanceledException)
            {
                // The bot hung up (killed) while Telegram held its request.
                if (HeldSendsDeliverOnHangUp && Deliver(method, parameters).Item1 == 200)
                {
                    lock (gate)
                        DeliveredOnHangUp++;
                }
                return null;
            }
            finally
            {
                Interlocked.Decrement(ref heldSends);
                lock (gate)
                    Changed();
            }
        }
        return Deliver(method, parameters);
    }

    private (int, JsonObject) Deliver(string method, JsonObject parameters)
    {
        if (Long(parameters, "chat_id") is not { } chatId)
            return Error(400, "Bad Request: chat not found");
        var text = method == "sendMessage" ? (string?)parameters["text"] : (string?)parameters["caption"];
        if (method == "sendMessage" && string.IsNullOrEmpty(text))
            return Error(400, "Bad Request: message text is empty");
        if (text is { Length: > 4096 } || (method == "sendPhoto" && text is { Length: > 1024 }))
            return Error(400, method == "sendMessage" ? "Bad Request: message is too long" : "Bad Request: message caption is too long");
        var paid = parameters["allow_paid_broadcast"]?.GetValue<bool>() == true;
        lock (gate)
        {
            if (blockedChats.Contains(chatId))
                return Error(403, "Forbidden: bot was blocked by the user");
            if (RateLimits is { } limits && Exceeds(limits, chatId, paid))
            {
                RateLimitViolations++;
                Changed();
                return Error(429, $"Too Many Requests: retry after {limits.RetryAfterSeconds}", limits.RetryAfterSeconds);
            }
            var now = DateTimeOffset.UtcNow;
            sendLog.Add((chatId, now));
            var message = new SentMessage(chatId, NextMessageId(chatId), method, text, parameters["entities"]?.DeepClone() as JsonArray, now, paid)
            {
                ReplyMarkup = parameters["reply_markup"]?.DeepClone() as JsonObject,
            };
            sent.Add(message);
            Changed();
            return Ok(MessageJson(message));
        }
    }

    private bool Exceeds(FakeRateLimits limits, long chatId, bool paid)
    {
        var now = DateTimeOffset.UtcNow;
        var lastSecond = sendLog.Where(s => s.At > now.AddSeconds(-1)).ToList();
        if (!paid && lastSecond.Count >= limits.GlobalPerSecond)
            return true;
        if (chatId < 0)
            return sendLog.Count(s => s.Chat == chatId && s.At > now.AddMinutes(-1)) >= limits.PerGroupPerMinute;
        return lastSecond.Count(s => s.Chat == chatId) >= limits.PerChatPerSecond;
    }

    private (int, JsonObject) Edit(string method, JsonObject parameters)
    {
        var chatId = Long(parameters, "chat_id");
        var messageId = Int(parameters, "message_id");
        lock (gate)
        {
            var message = sent.LastOrDefault(m => m.ChatId == chatId && m.MessageId == messageId);
            if (message is null)
                return Error(400, "Bad Request: message to edit not found");
            message.ReplyMarkup = parameters["reply_markup"]?.DeepClone() as JsonObject;
            if (method == "editMessageText")
            {
                var edited = message with { Text = (string?)parameters["text"], Entities = parameters["entities"]?.DeepClone() as JsonArray };
                edited.ReplyMarkup = message.ReplyMarkup;
                sent[sent.IndexOf(message)] = edited;
                message = edited;
            }
            Changed();
            return Ok(MessageJson(message));
        }
    }

    /// <summary>Pushes queued updates to the webhook one by one, in order, until each gets a 2xx (Telegram's behaviour).</summary>
    private async Task DeliverToWebhookForeverAsync()
    {
        while (!stopping.IsCancellationRequested)
        {
            JsonObject? update;
            Task next;
            lock (gate)
            {
                update = WebhookUrl is null ? null : pendingUpdates.FirstOrDefault();
                next = changed.Task;
            }
            try
            {
                if (update is null)
                {
                    await next.WaitAsync(TimeSpan.FromMilliseconds(200), stopping.Token);
                    continue;
                }
                var id = (int)update["update_id"]!;
                lock (gate)
                    deliveries[id] = deliveries.GetValueOrDefault(id) + 1;
                HttpStatusCode status;
                try
                {
                    status = await PostToWebhookAsync(update.ToJsonString(), cancellationToken: stopping.Token);
                }
                catch (HttpRequestException)
                {
                    status = HttpStatusCode.BadGateway;
                }
                if ((int)status is >= 200 and < 300)
                {
                    lock (gate)
                    {
                        pendingUpdates.Remove(update);
                        Changed();
                    }
                }
                else
                {
                    await Task.Delay(WebhookRetryDelay, stopping.Token);
                }
            }
            catch (TimeoutException)
            {
                // Look again.
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested)
            {
                return;
            }
            catch (OperationCanceledException)
            {
                // The bot took too long: Telegram retries.
            }
        }
    }

    private FakeFault? TakeFault(string method)
    {
        lock (gate)
            return faults.TryGetValue(method, out var queue) && queue.Count > 0 ? queue.Dequeue() : null;
    }

    private void Changed() => Interlocked.Exchange(ref changed, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();

    internal static JsonObject BotUser() => new()
    {
        ["id"] = BotId,
        ["is_bot"] = true,
        ["first_name"] = "CitizenData",
        ["username"] = BotUsername,
        ["can_join_groups"] = true,
        ["can_read_all_group_messages"] = false,
        ["supports_inline_queries"] = false,
    };

    internal static JsonObject MessageJson(SentMessage message)
    {
        var json = new JsonObject
        {
            ["message_id"] = message.MessageId,
            ["from"] = BotUser(),
            ["chat"] = ChatJson(message.ChatId),
            ["date"] = message.At.ToUnixTimeSeconds(),
        };
        if (message.Method == "sendPhoto")
        {
            json["photo"] = new JsonArray(new JsonObject { ["file_id"] = "photo-" + message.MessageId, ["file_unique_id"] = "u" + message.MessageId, ["width"] = 800, ["height"] = 600 });
            if (message.Text is not null)
                json["caption"] = message.Text;
        }
        else
        {
            json["text"] = message.Text;
        }
        if (message.Entities is not null)
            json["entities"] = message.Entities.DeepClone();
        if (message.ReplyMarkup is not null)
            json["reply_markup"] = message.ReplyMarkup.DeepClone();
        return json;
    }

    internal static JsonObject ChatJson(long chatId) => chatId < 0
        ? new JsonObject { ["id"] = chatId, ["type"] = "group", ["title"] = "Ward 5 dialogue" }
        : new JsonObject { ["id"] = chatId, ["type"] = "private", ["first_name"] = "Resident" };

    private static (int, JsonObject) Ok(JsonNode result) => (200, new JsonObject { ["ok"] = true, ["result"] = result });

    private static (int, JsonObject) Error(int code, string description, int? retryAfter = null)
    {
        var body = new JsonObject { ["ok"] = false, ["error_code"] = code, ["description"] = description };
        if (retryAfter is { } seconds)
            body["parameters"] = new JsonObject { ["retry_after"] = seconds };
        return (code, body);
    }

    private static async Task WriteAsync(HttpContext context, (int Status, JsonObject Body)? response)
    {
        var (status, body) = response!.Value;
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(body.ToJsonString());
    }

    private static long? Long(JsonObject parameters, string name) => parameters[name] switch
    {
        JsonValue value when value.TryGetValue<long>(out var number) => number,
        JsonValue value when value.TryGetValue<string>(out var text) && long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var parsed) => parsed,
        _ => null,
    };

    private static int? Int(JsonObject parameters, string name) => Long(parameters, name) is { } value ? (int)value : null;

    private static TaskCompletionSource CompletedSource()
    {
        var source = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        source.SetResult();
        return source;
    }
}
