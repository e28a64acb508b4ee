using System.Collections.Concurrent;
using System.Globalization;
using CitizenData.Feedback.Storage;
using Microsoft.Extensions.Options;
using Telegram.Bot;
using Telegram.Bot.Exceptions;
using Telegram.Bot.Types;
using Activity = CitizenData.Bot.Conversations.Activity;

namespace CitizenData.Bot.Channels.Telegram;

/// <summary>
/// Delivers outbox replies and broadcasts to Telegram: text as entities, split over 4,096 characters, choices as an
/// inline keyboard on the last part, images by sendPhoto, paced to Telegram's limits. Telegram's answer decides what
/// the outbox does: 429 waits exactly retry_after, 403 gives up and marks the resident unreachable, network and server
/// errors retry with backoff.
/// </summary>
public sealed partial class TelegramSender(
    ITelegramBotClient client,
    TelegramPacer pacer,
    TelegramMedia media,
    IOptions<TelegramOptions> options,
    TimeProvider clock,
    ILogger<TelegramSender> logger) : IChannelSender
{
    /// <summary>
    /// How many messages of a multi-message outbox item Telegram already took, so a retry after a 429 or a server
    /// error on part 3 does not send parts 1 and 2 again. In memory: a crash mid-item may repeat that item's parts.
    /// </summary>
    private readonly ConcurrentDictionary<long, int> partsDelivered = new();

    /// <summary>Longest pause for pacing inside one send; longer ones go back to the outbox as "retry later".</summary>
    private static readonly TimeSpan MaxPacingWait = TimeSpan.FromSeconds(1);

    public string Channel => TelegramUpdateMapper.ChannelId;

    public int MaxConcurrency => Math.Max(1, options.Value.MaxConcurrency);

    public async Task<SendOutcome> SendAsync(OutboxItem item, Activity activity, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(item);
        ArgumentNullException.ThrowIfNull(activity);
        if (!long.TryParse(item.ConversationId, NumberStyles.Integer, CultureInfo.InvariantCulture, out var chatId))
            return new SendOutcome.Failed($"'{item.ConversationId}' is not a Telegram chat id.", RecipientUnreachable: false);

        var messages = Compose(activity);
        await media.AwaitUploadsAsync(activity.Attachments?.Select(a => a.ContentUrl).OfType<string>() ?? [], cancellationToken);
        var paid = options.Value.Pacing.PaidBroadcast && item.GroupKey is not null;
        var done = partsDelivered.GetValueOrDefault(item.Sequence);
        try
        {
            for (var part = done; part < messages.Count; part++)
            {
                if (await PaceAsync(chatId, paid, cancellationToken) is { } wait)
                    return new SendOutcome.RetryLater(wait, "paced to Telegram's limits");
                await messages[part](chatId, paid, cancellationToken);
                partsDelivered[item.Sequence] = part + 1;
            }
            partsDelivered.TryRemove(item.Sequence, out _);
            return SendOutcome.Sent;
        }
        catch (ApiRequestException e) when (e.ErrorCode == 429)
        {
            var wait = TimeSpan.FromSeconds(e.Parameters?.RetryAfter ?? 1);
            pacer.Hold(chatId, clock.GetUtcNow() + wait);
            return new SendOutcome.RetryLater(wait, e.Message);
        }
        catch (ApiRequestException e) when (e.ErrorCode == 403)
        {
            // Blocked by the resident, kicked from the group, or the user is gone: retrying cannot help.
            partsDelivered.TryRemove(item.Sequence, out _);
            return new SendOutcome.Failed(e.Message, RecipientUnreachable: true);
        }
        catch (ApiRequestException e) when (e.ErrorCode is 400)
        {
            // The request itself is wrong (chat not found, text rejected): the same request would fail again.
            partsDelivered.TryRemove(item.Sequence, out _);
            LogRejected(item.Sequence, e.Message);
            return new SendOutcome.Failed(e.Message, RecipientUnreachable: false);
        }
        catch (Exception e) when (e is RequestException or HttpRequestException || e is TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            // 5xx, 401/404 (a token being fixed), a dropped connection or a timeout: try again, with growing pauses.
            return new SendOutcome.RetryLater(OutboxDispatcher.Backoff(item.Attempts), e.Message);
        }
    }

    /// <summary>
    /// Waits for a free slot when it is near; a slot further away (a busy group, a flood-limited chat) is left to the
    /// outbox to wait for, so one slow chat does not hold a sender that other chats need.
    /// </summary>
    private async Task<TimeSpan?> PaceAsync(long chatId, bool paid, CancellationToken cancellationToken)
    {
        while (true)
        {
            var now = clock.GetUtcNow();
            if (pacer.TryAcquire(chatId, paid, now) is not { } next)
                return null;
            if (next - now > MaxPacingWait)
                return next - now;
            await Task.Delay(next - now, clock, cancellationToken);
        }
    }

    /// <summary>Telegram's limit for a photo caption, after entity parsing.</summary>
    private const int MaxCaption = 1024;

    /// <summary>
    /// The Bot API calls for one activity: its images, then its text in parts, the keyboard on the last part. One image
    /// with a text that fits a caption goes as one photo with that caption (one message, not two, against the limits).
    /// </summary>
    private List<Func<long, bool, CancellationToken, Task>> Compose(Activity activity)
    {
        var messages = new List<Func<long, bool, CancellationToken, Task>>();
        var images = (activity.Attachments ?? [])
            .Where(a => a.ContentType.StartsWith("image/", StringComparison.OrdinalIgnoreCase) && a.ContentUrl is not null)
            .Select(a => a.ContentUrl!)
            .ToList();
        var parts = TelegramTextSplitter.Split(TelegramText.FromMarkdown(activity.Text));
        var keyboard = TelegramKeyboard.For(activity);
        if (images.Count == 1 && parts.Count == 1 && parts[0].Text.Length is > 0 and <= MaxCaption)
        {
            var caption = parts[0];
            messages.Add((chat, paid, ct) => media.SendAsync(
                images[0],
                photo => client.SendPhoto(
                    chat,
                    photo,
                    caption: caption.Text,
                    captionEntities: caption.Spans.Count > 0 ? caption.Entities() : null,
                    replyMarkup: keyboard,
                    allowPaidBroadcast: paid,
                    cancellationToken: ct),
                ct));
            return messages;
        }
        foreach (var url in images)
            messages.Add((chat, paid, ct) => media.SendAsync(url, photo => client.SendPhoto(chat, photo, allowPaidBroadcast: paid, cancellationToken: ct), ct));
        for (var i = 0; i < parts.Count; i++)
        {
            var part = parts[i];
            var markup = i == parts.Count - 1 ? keyboard : null;
            messages.Add((chat, paid, ct) => client.SendMessage(
                chat,
                part.Text,
                entities: part.Spans.Count > 0 ? part.Entities() : null,
                replyMarkup: markup,
                allowPaidBroadcast: paid,
                cancellationToken: ct));
        }
        return messages;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Telegram rejected outbox message {Sequence}: {Reason}")]
    private partial void LogRejected(long sequence, string reason);
}
