using CitizenData.Bot.Channels.Telegram;

namespace CitizenData.Bot.Tests.Channels.Telegram;

public sealed class TelegramPacerTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 24, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void APrivateChatGetsItsBurstThenWaitsForTheWindowToMove()
    {
        var pacer = new TelegramPacer(new TelegramPacingOptions { PerChatPerSecond = 1, PerChatBurst = 3, GlobalPerSecond = 1000 });
        Assert.Null(pacer.TryAcquire(42, false, T0));
        Assert.Null(pacer.TryAcquire(42, false, T0.AddMilliseconds(10)));
        Assert.Null(pacer.TryAcquire(42, false, T0.AddMilliseconds(20)));
        Assert.Equal(T0.AddSeconds(3), pacer.TryAcquire(42, false, T0.AddMilliseconds(30)));
        Assert.Null(pacer.TryAcquire(43, false, T0.AddMilliseconds(30))); // another chat is not held up
        Assert.Null(pacer.TryAcquire(42, false, T0.AddSeconds(3)));
    }

    [Fact]
    public void OneMessageASecondWithoutBurst()
    {
        var pacer = new TelegramPacer(new TelegramPacingOptions { PerChatPerSecond = 1, PerChatBurst = 1, GlobalPerSecond = 1000 });
        Assert.Null(pacer.TryAcquire(42, false, T0));
        Assert.Equal(T0.AddSeconds(1), pacer.TryAcquire(42, false, T0.AddMilliseconds(400)));
    }

    [Fact]
    public void AGroupGetsTwentyMessagesAMinute()
    {
        var pacer = new TelegramPacer(new TelegramPacingOptions { PerGroupPerMinute = 20, GlobalPerSecond = 1000 });
        for (var i = 0; i < 20; i++)
            Assert.Null(pacer.TryAcquire(-100, false, T0.AddSeconds(i)));
        Assert.Equal(T0.AddMinutes(1), pacer.TryAcquire(-100, false, T0.AddSeconds(20)));
    }

    [Fact]
    public void AllChatsTogetherStayUnderTheOverallRate()
    {
        var pacer = new TelegramPacer(new TelegramPacingOptions { GlobalPerSecond = 30 });
        for (var chat = 1; chat <= 30; chat++)
            Assert.Null(pacer.TryAcquire(chat, false, T0.AddMilliseconds(chat)));
        Assert.Equal(T0.AddMilliseconds(1001), pacer.TryAcquire(31, false, T0.AddMilliseconds(31)));
    }

    [Fact]
    public void PaidBroadcastsHaveTheirOwnHigherRateAndDoNotHoldUpReplies()
    {
        var pacer = new TelegramPacer(new TelegramPacingOptions { GlobalPerSecond = 30, PaidBroadcastPerSecond = 1000 });
        for (var chat = 1; chat <= 1000; chat++)
            Assert.Null(pacer.TryAcquire(chat, true, T0));
        Assert.NotNull(pacer.TryAcquire(5000, true, T0));
        Assert.Null(pacer.TryAcquire(5001, false, T0));
    }

    [Fact]
    public void ARateLimitedChatWaitsUntilTelegramSaysSo()
    {
        var pacer = new TelegramPacer(new TelegramPacingOptions { GlobalPerSecond = 1000 });
        pacer.Hold(42, T0.AddSeconds(7));
        Assert.Equal(T0.AddSeconds(7), pacer.TryAcquire(42, false, T0.AddSeconds(1)));
        Assert.Null(pacer.TryAcquire(42, false, T0.AddSeconds(7)));
    }
}
