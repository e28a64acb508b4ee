using CitizenData.Bot.Channels.Telegram;

namespace CitizenData.Bot.Tests.Channels.Telegram;

public sealed class TelegramPacerTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 24, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void APrivateChatGetsItsBurstThenOneMessageASecond()
    {
        var pacer = new TelegramPacer(new TelegramPacingOptions { PerChatPerSecond = 1, PerChatBurst = 3, GlobalPerSecond = 1e9 });
        var slots = Enumerable.Range(0, 5).Select(_ => pacer.Reserve(42, false, T0) - T0).ToList();
        Assert.Equal([TimeSpan.Zero, TimeSpan.Zero, TimeSpan.Zero, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2)], slots);
    }

    [Fact]
    public void AGroupGetsTwentyMessagesAMinute()
    {
        var pacer = new TelegramPacer(new TelegramPacingOptions { PerGroupPerMinute = 20, GlobalPerSecond = 1000 });
        var slots = Enumerable.Range(0, 3).Select(_ => pacer.Reserve(-100, false, T0) - T0).ToList();
        Assert.Equal([TimeSpan.Zero, TimeSpan.FromSeconds(3), TimeSpan.FromSeconds(6)], slots);
    }

    [Fact]
    public void AllChatsTogetherStayUnderTheOverallRate()
    {
        var pacer = new TelegramPacer(new TelegramPacingOptions { GlobalPerSecond = 30 });
        var last = Enumerable.Range(1, 61).Select(chat => pacer.Reserve(chat, false, T0)).ToList()[^1];
        Assert.Equal(TimeSpan.FromSeconds(2), (last - T0).RoundTo(TimeSpan.FromMilliseconds(1)));
    }

    [Fact]
    public void PaidBroadcastsHaveTheirOwnHigherRate()
    {
        var pacer = new TelegramPacer(new TelegramPacingOptions { GlobalPerSecond = 30, PaidBroadcastPerSecond = 1000 });
        var last = Enumerable.Range(1, 1001).Select(chat => pacer.Reserve(chat, true, T0)).ToList()[^1];
        Assert.Equal(TimeSpan.FromSeconds(1), (last - T0).RoundTo(TimeSpan.FromMilliseconds(1)));
        Assert.Equal(T0, pacer.Reserve(5000, false, T0)); // replies are not held up by the broadcast
    }

    [Fact]
    public void ARateLimitedChatWaitsUntilTelegramSaysSo()
    {
        var pacer = new TelegramPacer(new TelegramPacingOptions { GlobalPerSecond = 1000 });
        pacer.Reserve(42, false, T0);
        pacer.Hold(42, T0.AddSeconds(7));
        Assert.Equal(T0.AddSeconds(7), pacer.Reserve(42, false, T0.AddSeconds(1)));
    }
}

internal static class TimeSpanRounding
{
    public static TimeSpan RoundTo(this TimeSpan value, TimeSpan unit) => TimeSpan.FromTicks((long)Math.Round(value.Ticks / (double)unit.Ticks) * unit.Ticks);
}
