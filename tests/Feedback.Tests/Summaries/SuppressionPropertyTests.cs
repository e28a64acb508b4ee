using CitizenData.Feedback.Summaries;
using CsCheck;

namespace CitizenData.Feedback.Tests.Summaries;

/// <summary>
/// Random populations, public summaries, and an attacker who tries to work out a suppressed count from what the
/// summary shows. The attacker must always fail, and no shown count may be under k.
/// </summary>
public sealed class SuppressionPropertyTests
{
    [Fact]
    public void No_count_under_k_is_shown_in_a_public_summary() =>
        Population.Gen.Sample(population =>
        {
            var summary = SummaryComposer.Compose(population.Campaign, population.Counts(), null, [], SummaryAudience.Public);
            var k = population.Threshold;
            foreach (var count in AllCounts(summary))
                Assert.True(count is null || count >= k, $"{population}: a public summary shows {count}, under k={k}");
        }, iter: 400);

    [Fact]
    public void No_suppressed_count_can_be_worked_out_from_a_public_summary() =>
        Population.Gen.Sample(population =>
        {
            var summary = SummaryComposer.Compose(population.Campaign, population.Counts(), null, [], SummaryAudience.Public);
            if (summary.TooFewParticipants)
            {
                Assert.Null(summary.Participants);
                Assert.Empty(summary.Themes);
                Assert.Empty(summary.Breakdowns);
                return;
            }
            var attacker = new Attacker(summary);
            var hidden = HiddenNames(summary);
            // Working out that a hidden group is empty identifies nobody; any other hidden count must stay unknown.
            var disclosed = attacker.Disclosed(hidden).Where(d => d.Value != 0).ToList();
            Assert.True(disclosed.Count == 0, $"{population}: the attacker worked out {string.Join(", ", disclosed.Select(d => $"{d.Name}={d.Value}"))}");

            // The attacker is sound: the truth lies within what it deduced.
            foreach (var theme in Population.ThemeKeys)
            {
                var truth = population.Participants(p => p.InputsByTheme.ContainsKey(theme));
                var (lo, hi) = attacker.Bounds("T:" + theme);
                Assert.InRange(truth, lo, hi);
            }
            foreach (var value in new[] { "woman", "man", "other" })
            {
                var truth = population.Participants(p => p.Gender == value);
                if (summary.Breakdowns.Single(b => b.Dimension == "gender") is { Withheld: false })
                {
                    var (lo, hi) = attacker.Bounds($"V:gender:{value}");
                    Assert.InRange(truth, lo, hi);
                }
            }
        }, iter: 400);

    [Fact]
    public void An_internal_summary_shows_every_count() =>
        Population.Gen.Sample(population =>
        {
            var summary = SummaryComposer.Compose(population.Campaign, population.Counts(), null, [], SummaryAudience.Internal);
            Assert.All(AllCounts(summary).Skip(2 + summary.Themes.Count * 2), count => Assert.NotNull(count));
            Assert.All(summary.Themes, t => Assert.NotNull(t.Participants));
            Assert.Equal(population.People.Count, summary.Participants);
            foreach (var theme in summary.Themes)
                Assert.Equal(population.Participants(p => p.InputsByTheme.ContainsKey(theme.Theme)), theme.Participants);
        }, iter: 100);

    [Fact]
    public void A_lone_small_theme_gets_a_complementary_partner()
    {
        var people = new List<Person>();
        for (var i = 0; i < 40; i++)
            people.Add(new Person("Kibera", i % 2 == 0 ? "woman" : "man", "no", new Dictionary<string, int> { [i < 20 ? "water_sanitation" : i < 32 ? "health" : i < 36 ? "education" : "safety"] = 1 }));
        var population = new Population(10, people);

        var summary = SummaryComposer.Compose(population.Campaign, population.Counts(), null, [], SummaryAudience.Public);

        Assert.Equal(40, summary.Participants);
        Assert.Equal(20, summary.Themes.Single(t => t.Theme == "water_sanitation").Participants);
        Assert.Null(summary.Themes.Single(t => t.Theme == "education").Participants);
        Assert.Null(summary.Themes.Single(t => t.Theme == "safety").Participants);
        Assert.DoesNotContain(new Attacker(summary).Disclosed(HiddenNames(summary)), d => d.Value != 0);
    }

    [Fact]
    public void The_attacker_finds_a_cell_hidden_without_complementary_suppression()
    {
        var people = Enumerable.Range(0, 60).Select(i => new Person("Kibera", i % 3 == 0 ? "woman" : "man", "no", new Dictionary<string, int> { ["health"] = 1 })).ToList();
        var population = new Population(10, people);
        var summary = SummaryComposer.Compose(population.Campaign, population.Counts(), null, [], SummaryAudience.Public);
        var gender = summary.Breakdowns.Single(b => b.Dimension == "gender");
        // Hide only the women's cell, as a naive primary-only suppression would.
        var naive = summary with
        {
            Breakdowns = [gender with { Cells = [.. gender.Cells.Select(c => c.Value == "woman" ? c with { Participants = null } : c)] }],
        };

        var disclosed = new Attacker(naive).Disclosed(new HashSet<string> { "C:gender:health:woman" });
        Assert.False(gender.Withheld);

        Assert.Equal([("C:gender:health:woman", 20L)], disclosed);
    }

    [Fact]
    public void Too_few_participants_publish_nothing_but_that()
    {
        var population = new Population(10, [.. Enumerable.Range(0, 9).Select(_ => new Person("Kibera", "woman", "no", new Dictionary<string, int> { ["health"] = 2 }))]);

        var summary = SummaryComposer.Compose(population.Campaign, population.Counts(), null, [], SummaryAudience.Public);

        Assert.True(summary.TooFewParticipants);
        Assert.Null(summary.Participants);
        Assert.Empty(summary.Themes);
    }

    [Fact]
    public void Small_locations_are_merged_and_not_named_in_a_public_summary()
    {
        var people = Enumerable.Range(0, 30).Select(i => new Person(i < 27 ? "Kibera" : "Tiny Village", "woman", "no", new Dictionary<string, int> { ["health"] = 1 })).ToList();
        var population = new Population(10, people);

        var summary = SummaryComposer.Compose(population.Campaign, population.Counts(), null, [], SummaryAudience.Public);

        var location = summary.Breakdowns.Single(b => b.Dimension == "location");
        Assert.DoesNotContain(location.Values, v => v.Value == "Tiny Village");
        Assert.Contains(location.Values, v => v.Value == Breakdown.OtherValues);
    }

    private static IEnumerable<int?> AllCounts(CampaignSummary summary) =>
        new[] { summary.Participants, summary.Inputs }
            .Concat(summary.Themes.Select(t => t.Participants))
            .Concat(summary.Themes.Select(t => t.PreviousParticipants))
            .Concat(summary.Breakdowns.SelectMany(b => b.Values.Select(v => v.Participants)))
            .Concat(summary.Breakdowns.SelectMany(b => b.Cells.Select(c => c.Participants)));

    private static HashSet<string> HiddenNames(CampaignSummary summary)
    {
        var hidden = summary.Themes.Where(t => t.Participants is null).Select(t => "T:" + t.Theme).ToHashSet();
        foreach (var breakdown in summary.Breakdowns.Where(b => !b.Withheld))
        {
            hidden.UnionWith(breakdown.Values.Where(v => v.Participants is null).Select(v => $"V:{breakdown.Dimension}:{v.Value}"));
            hidden.UnionWith(breakdown.Cells.Where(c => c.Participants is null).Select(c => $"C:{breakdown.Dimension}:{c.Theme}:{c.Value}"));
        }
        return hidden;
    }
}
