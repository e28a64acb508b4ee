namespace CitizenData.Bot.Channels.Telegram;

/// <summary>
/// Keeps outgoing messages under Telegram's limits, counted on the moments messages actually left (sliding windows),
/// so a late timer or a busy machine can only delay a message, never squeeze several into one window: at most
/// <c>PerChatBurst</c> messages per <c>PerChatBurst / PerChatPerSecond</c> seconds to a private chat, <c>PerGroupPerMinute</c>
/// per minute to a group, <c>GlobalPerSecond</c> per second overall, and paid broadcasts in their own window.
/// </summary>
public sealed class TelegramPacer
{
    private static readonly TimeSpan Second = TimeSpan.FromSeconds(1);
    private readonly object gate = new();
    private readonly TelegramPacingOptions options;
    private readonly SlidingWindow overall;
    private readonly SlidingWindow paidOverall;
    private readonly Dictionary<long, SlidingWindow> chats = [];
    private long acquisitions;

    public TelegramPacer(TelegramPacingOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        this.options = options;
        overall = new SlidingWindow(Limit(options.GlobalPerSecond), Second);
        paidOverall = new SlidingWindow(Limit(options.PaidBroadcastPerSecond), Second);
    }

    /// <summary>
    /// Takes a slot for a message to <paramref name="chatId"/> (negative ids are groups) if one is free now, and returns
    /// null; otherwise returns when to ask again. A paid broadcast counts in the paid window instead of the overall one.
    /// </summary>
    public DateTimeOffset? TryAcquire(long chatId, bool paidBroadcast, DateTimeOffset now)
    {
        var bulk = paidBroadcast ? paidOverall : overall;
        lock (gate)
        {
            var chat = Chat(chatId);
            var at = Max(chat.EarliestFree(now), bulk.EarliestFree(now));
            if (at > now)
                return at;
            chat.Record(now);
            bulk.Record(now);
            if (++acquisitions % 4096 == 0)
                Forget(now);
            return null;
        }
    }

    /// <summary>Telegram said 429 for this chat: nothing more goes to it before <paramref name="until"/>.</summary>
    public void Hold(long chatId, DateTimeOffset until)
    {
        lock (gate)
            Chat(chatId).HoldUntil(until);
    }

    private SlidingWindow Chat(long chatId)
    {
        if (!chats.TryGetValue(chatId, out var chat))
        {
            chat = chatId < 0
                ? new SlidingWindow(Limit(options.PerGroupPerMinute), TimeSpan.FromMinutes(1))
                : new SlidingWindow(Math.Max(1, options.PerChatBurst), TimeSpan.FromSeconds(Math.Max(1, options.PerChatBurst) / options.PerChatPerSecond));
            chats[chatId] = chat;
        }
        return chat;
    }

    /// <summary>Drops the windows of quiet chats, so memory does not grow with every resident ever written to.</summary>
    private void Forget(DateTimeOffset now)
    {
        foreach (var id in chats.Where(pair => pair.Value.IsIdle(now)).Select(pair => pair.Key).ToList())
            chats.Remove(id);
    }

    /// <summary>Rates below one a window (say 0.5 a second) become one per proportionally longer window.</summary>
    private static int Limit(double perWindow) => Math.Max(1, (int)Math.Floor(perWindow));

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;

    /// <summary>At most <c>limit</c> messages in any stretch of <c>window</c>.</summary>
    private sealed class SlidingWindow(int limit, TimeSpan window)
    {
        private readonly Queue<DateTimeOffset> sent = new();
        private DateTimeOffset heldUntil = DateTimeOffset.MinValue;

        public DateTimeOffset EarliestFree(DateTimeOffset now)
        {
            while (sent.Count > 0 && sent.Peek() <= now - window)
                sent.Dequeue();
            var free = sent.Count < limit ? now : sent.ElementAt(sent.Count - limit) + window;
            return free > heldUntil ? free : heldUntil;
        }

        public void Record(DateTimeOffset at) => sent.Enqueue(at);

        public void HoldUntil(DateTimeOffset until) => heldUntil = until > heldUntil ? until : heldUntil;

        public bool IsIdle(DateTimeOffset now) => heldUntil < now && (sent.Count == 0 || sent.Last() <= now - window);
    }
}
