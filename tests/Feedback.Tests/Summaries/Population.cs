using CitizenData.Feedback.Campaigns;
using CitizenData.Feedback.Summaries;
using CitizenData.Feedback.Themes;
using CsCheck;

namespace CitizenData.Feedback.Tests.Summaries;

/// <summary>Random populations of participants with profiles and the themes they raised, and a campaign to summarise them.</summary>
internal sealed record Person(string? Location, string? Gender, string? Disability, IReadOnlyDictionary<string, int> InputsByTheme);

internal sealed record Population(int Threshold, IReadOnlyList<Person> People)
{
    public static readonly string[] ThemeKeys = ["water_sanitation", "health", "education", "safety", "other"];
    private static readonly string[] Locations = ["Kibera", "Mathare", "Kawangware", "Laini Saba", "Githurai", "Rongai"];

    public static Gen<Population> Gen =>
        from threshold in CsCheck.Gen.Int[3, 10]
        from people in PersonGen.List[1, 150]
        select new Population(threshold, people);

    private static Gen<Person> PersonGen =>
        from location in CsCheck.Gen.Int[0, Locations.Length].Select(i => i == Locations.Length ? null : Locations[i])
        from gender in Pick("woman", "man", "other", null)
        from disability in Pick("yes", "no", "no", null)
        // Skewed towards the first themes, so populations have big and small themes alike.
        from themes in CsCheck.Gen.Int[0, ThemeKeys.Length * ThemeKeys.Length - 1].Select(i => (int)Math.Sqrt(i)).HashSet[1, 3]
        from inputs in CsCheck.Gen.Int[1, 3].Array[3]
        select new Person(location, gender, disability, themes.Select((t, i) => (ThemeKeys[t], inputs[i])).ToDictionary(p => p.Item1, p => p.Item2));

    private static Gen<string?> Pick(params string?[] values) => CsCheck.Gen.Int[0, values.Length - 1].Select(i => values[i]);

    public Campaign Campaign => new()
    {
        Code = "test",
        Titles = new Dictionary<string, string> { ["en"] = "Test" },
        Questions = new Dictionary<string, string> { ["en"] = "?" },
        Languages = ["en"],
        Taxonomy = new ThemeTaxonomy([.. ThemeKeys.Select(k => new Theme { Key = k, Names = new Dictionary<string, string> { ["en"] = k } })]),
        PrivacyThreshold = Threshold,
        ProfileQuestions =
        [
            new ProfileQuestion { Key = "location", Prompts = new Dictionary<string, string>() },
            Choice("gender", "woman", "man", "other"),
            Choice("disability", "yes", "no"),
        ],
    };

    /// <summary>What storage would return: people grouped by identical profile.</summary>
    public SummaryCounts Counts() => new(
        [.. People.GroupBy(p => (p.Location, p.Gender, p.Disability)).Select(group =>
        {
            var profile = new Dictionary<string, string>();
            if (group.Key.Location is { } l) profile["location"] = l;
            if (group.Key.Gender is { } g) profile["gender"] = g;
            if (group.Key.Disability is { } d) profile["disability"] = d;
            var themes = group.SelectMany(p => p.InputsByTheme)
                .GroupBy(t => t.Key)
                .ToDictionary(t => t.Key, t => new ThemeCount(t.Count(), t.Sum(x => x.Value)));
            return new ProfileCellCounts(profile, group.Count(), group.Sum(p => p.InputsByTheme.Values.Sum()), themes);
        })],
        new LabelQualityCounts(People.Sum(p => p.InputsByTheme.Values.Sum()), 0, 0, 0));

    public int Participants(Func<Person, bool> who) => People.Count(who);

    private static ProfileQuestion Choice(string key, params string[] values) => new()
    {
        Key = key,
        Prompts = new Dictionary<string, string>(),
        Choices = [.. values.Select(v => new ProfileChoice(v, new Dictionary<string, string> { ["en"] = v }))],
    };

    public override string ToString() => $"k={Threshold}, {People.Count} people";
}
