namespace CitizenData.Bot.Channels.Telegram;

/// <summary>
/// Keeps outgoing messages under Telegram's limits: per private chat, per group and overall (or the paid-broadcast
/// rate). Each limit is a cell-rate schedule (GCRA): a send reserves the earliest moment every limit that applies allows,
/// so concurrent senders queue up fairly instead of all bursting and being answered 429.
/// </summary>
public sealed class TelegramPacer
{
    private readonly object gate = new();
    private readonly Schedule overall;
    private readonly Schedule paidOverall;
    private readonly Dictionary<long, Schedule> chats = [];
    private readonly TelegramPacingOptions options;
    private long reservations;

    public TelegramPacer(TelegramPacingOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        this.options = options;
        overall = new Schedule(TimeSpan.FromSeconds(1 / options.GlobalPerSecond), burst: 1);
        paidOverall = new Schedule(TimeSpan.FromSeconds(1 / options.PaidBroadcastPerSecond), burst: 1);
    }

    /// <summary>
    /// Reserves a send to <paramref name="chatId"/> (negative ids are groups) and returns when it may go. A paid broadcast
    /// counts against the paid rate instead of the overall one.
    /// </summary>
    public DateTimeOffset Reserve(long chatId, bool paidBroadcast, DateTimeOffset now)
    {
        var bulk = paidBroadcast ? paidOverall : overall;
        lock (gate)
        {
            if (!chats.TryGetValue(chatId, out var chat))
            {
                chat = chatId < 0
                    ? new Schedule(TimeSpan.FromMinutes(1 / options.PerGroupPerMinute), burst: 1)
                    : new Schedule(TimeSpan.FromSeconds(1 / options.PerChatPerSecond), Math.Max(1, options.PerChatBurst));
                chats[chatId] = chat;
            }
            var at = Max(now, Max(chat.EarliestStart(), bulk.EarliestStart()));
            chat.Take(at);
            bulk.Take(at);
            if (++reservations % 4096 == 0)
                Forget(now);
            return at;
        }
    }

    /// <summary>Telegram said 429 for this chat: nothing more goes to it before <paramref name="until"/>.</summary>
    public void Hold(long chatId, DateTimeOffset until)
    {
        lock (gate)
        {
            if (chats.TryGetValue(chatId, out var chat))
                chat.HoldUntil(until);
        }
    }

    /// <summary>Drops the schedules of chats that have been quiet, so memory does not grow with every resident ever seen.</summary>
    private void Forget(DateTimeOffset now)
    {
        foreach (var id in chats.Where(pair => pair.Value.IdleSince(now)).Select(pair => pair.Key).ToList())
            chats.Remove(id);
    }

    /// <summary>One limit: a message every <c>interval</c>, with up to <c>burst</c> back to back.</summary>
    private sealed class Schedule(TimeSpan interval, int burst)
    {
        private readonly TimeSpan tolerance = interval * (burst - 1);
        private DateTimeOffset theoretical = DateTimeOffset.MinValue;

        public DateTimeOffset EarliestStart() => theoretical == DateTimeOffset.MinValue ? DateTimeOffset.MinValue : theoretical - tolerance;

        public void Take(DateTimeOffset at) => theoretical = Max(theoretical == DateTimeOffset.MinValue ? at : theoretical, at) + interval;

        public void HoldUntil(DateTimeOffset until) => theoretical = Max(theoretical, until + tolerance);

        public bool IdleSince(DateTimeOffset now) => theoretical < now - TimeSpan.FromMinutes(1);
    }

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;
}
