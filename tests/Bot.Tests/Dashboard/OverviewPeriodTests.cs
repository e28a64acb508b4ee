using CitizenData.Bot.Admin.Dashboard.Pages.Campaigns;

namespace CitizenData.Bot.Tests.Dashboard;

/// <summary>What the overview's period picker understands, without a browser.</summary>
public sealed class OverviewPeriodTests
{
    private static readonly DateOnly Today = new(2026, 3, 31);

    [Fact]
    public void Nothing_asked_means_the_last_30_days_compared_with_the_30_before()
    {
        Assert.True(OverviewPeriod.TryParse(null, null, null, Today, out var period, out _));
        Assert.Equal(new OverviewPeriod(new DateOnly(2026, 3, 2), Today, "30d"), period);
        Assert.Equal((new DateOnly(2026, 1, 31), new DateOnly(2026, 3, 1)), period.Previous);
        Assert.Equal(new DateTimeOffset(2026, 3, 2, 0, 0, 0, TimeSpan.Zero), period.Start);
        Assert.Equal(new DateTimeOffset(2026, 4, 1, 0, 0, 0, TimeSpan.Zero), period.End);
    }

    [Fact]
    public void A_preset_wins_over_dates_and_all_time_is_open_with_nothing_to_compare()
    {
        Assert.True(OverviewPeriod.TryParse("7d", "2020-01-01", "2020-01-31", Today, out var week, out _));
        Assert.Equal(new OverviewPeriod(new DateOnly(2026, 3, 25), Today, "7d"), week);
        Assert.True(OverviewPeriod.TryParse(OverviewPeriod.AllTime, null, null, Today, out var all, out _));
        Assert.Equal((null, null, null), (all.Start, all.End, all.Previous));
    }

    [Fact]
    public void Dates_include_both_days_and_an_empty_end_means_today()
    {
        Assert.True(OverviewPeriod.TryParse(null, "2026-03-01", "2026-03-01", Today, out var day, out _));
        Assert.Equal(TimeSpan.FromDays(1), day.End - day.Start);
        Assert.Equal((new DateOnly(2026, 2, 28), new DateOnly(2026, 2, 28)), day.Previous);
        Assert.True(OverviewPeriod.TryParse(null, "2026-03-10", "", Today, out var open, out _));
        Assert.Equal(new OverviewPeriod(new DateOnly(2026, 3, 10), Today, null), open);
        Assert.True(OverviewPeriod.TryParse(null, "", "2026-03-10", Today, out var since, out _));
        Assert.Null(since.Start);
        Assert.Null(since.Previous);
    }

    [Theory]
    [InlineData("2026-02-30", "2026-03-02", "overview.invalid_date")]
    [InlineData("31/03/2026", null, "overview.invalid_date")]
    [InlineData("1999-12-31", "2026-03-02", "overview.invalid_date")]
    [InlineData("2026-03-02", "2100-01-01", "overview.invalid_date")]
    [InlineData("2026-03-05", "2026-03-04", "overview.from_after_to")]
    [InlineData("2026-04-05", null, "overview.from_after_to")]
    public void Dates_that_are_not_dates_or_out_of_order_are_refused_with_a_reason(string? from, string? to, string reason)
    {
        Assert.False(OverviewPeriod.TryParse(null, from, to, Today, out _, out var error));
        Assert.Equal(reason, error);
    }
}
