using CitizenData.Feedback.Participants;
using CitizenData.Feedback.Storage.Sqlite;
using CitizenData.Feedback.Submissions;
using CitizenData.Feedback.Themes.Learning;
using CitizenData.Feedback.Themes.Seeds;
using CitizenData.Feedback.Themes.Training;

namespace CitizenData.Feedback.Tests.Themes;

public sealed class ThemeLearnerTests : IAsyncLifetime
{
    private static readonly ThemeLearningOptions Options = new()
    {
        RetrainAfterNewLabels = 10,
        HoldoutFraction = 0.5,
        MinimumHoldout = 5,
        CrossValidationFolds = 0,
    };

    private readonly string path = Path.Combine(Path.GetTempPath(), $"citizendata-themes-{Guid.NewGuid():N}.db");
    private readonly SqliteFeedbackStorage storage;
    private readonly FakeTime time = new();

    public ThemeLearnerTests() => storage = new SqliteFeedbackStorage(path);

    public Task InitializeAsync() => storage.MigrateAsync();

    public Task DisposeAsync()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var file in new[] { path, path + "-wal", path + "-shm" })
            File.Delete(file);
        return Task.CompletedTask;
    }

    [Fact]
    public async Task An_empty_database_gets_the_seed_model_as_its_first_version()
    {
        var learner = new ThemeLearner(storage, Options, time);
        var (record, model) = await learner.EnsureCurrentAsync();
        Assert.Equal(DefaultThemeModel.Version, record.Version);
        Assert.True(record.IsPromoted);
        Assert.Equal(SeedExamples.Examples.Count, record.TrainingSetSize);
        Assert.Equal(model.Themes, ThemeModel.FromBytes((await storage.ThemeModels.GetModelAsync(record.Version))!, record.Version).Themes);

        var (again, _) = await learner.EnsureCurrentAsync();
        Assert.Equal(record.Version, again.Version);
        Assert.Single(await storage.ThemeModels.ListAsync(10));
    }

    [Fact]
    public async Task Erased_participants_labels_leave_the_next_training_set()
    {
        var learner = new ThemeLearner(storage, Options, time);
        var stays = await AddParticipantAsync("p_stays");
        var leaves = await AddParticipantAsync("p_leaves");
        var kept = await AddLabelAsync(stays, "The clinic has no medicine", "health", LabelSource.Citizen);
        var erased = await AddLabelAsync(leaves, "Our road is full of potholes", "infrastructure", LabelSource.Citizen);
        await AddLabelAsync(leaves, "Unlabelled words", null, LabelSource.None);

        var before = await learner.GatherAsync();
        Assert.Contains(kept, before.LabelledSubmissionIds);
        Assert.Contains(erased, before.LabelledSubmissionIds);
        Assert.Contains(before.Training, e => e.Text == "Our road is full of potholes");

        Assert.True(await storage.Participants.EraseAsync(leaves.Id));

        var after = await learner.GatherAsync();
        Assert.Equal([kept], after.LabelledSubmissionIds);
        Assert.DoesNotContain(after.Training, e => e.Text == "Our road is full of potholes");
        Assert.Equal(1, after.LabelCount);
    }

    [Fact]
    public async Task A_candidate_worse_on_held_back_reviewer_labels_is_stored_but_not_promoted()
    {
        // Unweighted themes, so the residents' mislabels below are not scaled down for making 'other' large.
        var learner = new ThemeLearner(storage, Options with { Pipeline = ThemeTrainerOptions.Default with { ClassWeightPower = 0 } }, time);
        var (seed, _) = await learner.EnsureCurrentAsync();
        var residents = await AddParticipantAsync("p_poison");
        var reviewers = await AddParticipantAsync("p_reviewed");
        // Reviewers label water complaints correctly (all of them held back); residents label the same texts 'other'.
        foreach (var example in SeedExamples.Examples.Where(e => e.Theme == "water_sanitation").Take(30))
        {
            var text = "please " + example.Text;
            await AddLabelAsync(reviewers, text, "water_sanitation", LabelSource.Reviewer, HeldBackId(learner));
            for (var copy = 0; copy < 4; copy++)
                await AddLabelAsync(residents, text, "other", LabelSource.Citizen);
        }

        time.Advance(TimeSpan.FromHours(1));
        Assert.True(await learner.IsRetrainDueAsync());
        var result = await learner.RetrainAsync();

        Assert.False(result.Promoted);
        Assert.NotNull(result.Record.Rejection);
        Assert.True(result.Record.HoldoutMacroF1 < result.Record.ComparedHoldoutMacroF1);
        Assert.Equal(seed.Version, (await storage.ThemeModels.GetCurrentAsync())!.Version);
        Assert.Equal(2, (await storage.ThemeModels.ListAsync(10)).Count);
        // The rejected candidate counts as the newest training: no retraining again until new labels arrive.
        Assert.False(await learner.IsRetrainDueAsync());
    }

    [Fact]
    public async Task A_candidate_not_worse_is_promoted_and_becomes_current()
    {
        var learner = new ThemeLearner(storage, Options with { CrossValidationFolds = 2 }, time);
        await learner.EnsureCurrentAsync();
        var reviewers = await AddParticipantAsync("p_reviewer");
        // Reviewers label messages in Portuguese, which the seeds lack: a model that learns from them is better on them.
        foreach (var (text, theme) in PortugueseMessages())
            await AddLabelAsync(reviewers, text, theme, LabelSource.Reviewer);

        time.Advance(TimeSpan.FromHours(1));
        var result = await learner.RetrainAsync();

        Assert.True(result.Promoted, result.Record.Rejection);
        Assert.True(result.Record.HoldoutMacroF1 > result.Record.ComparedHoldoutMacroF1, $"{result.Record.HoldoutMacroF1} vs {result.Record.ComparedHoldoutMacroF1}");
        Assert.NotNull(result.Record.CrossValidatedMacroF1);
        Assert.True(result.Record.HoldoutSize >= Options.MinimumHoldout);
        Assert.Equal(result.Record.Version, (await storage.ThemeModels.GetCurrentAsync())!.Version);
        var (current, model) = await learner.EnsureCurrentAsync();
        Assert.Equal(result.Record.Version, current.Version);
        Assert.Equal(result.Record.Version, model.Version);
    }

    [Fact]
    public async Task Too_few_reviewer_labels_to_compare_keeps_the_current_model()
    {
        var learner = new ThemeLearner(storage, Options, time);
        var (seed, _) = await learner.EnsureCurrentAsync();
        var resident = await AddParticipantAsync("p_resident");
        foreach (var example in SeedExamples.Examples.Where((_, i) => i % 40 == 0))
            await AddLabelAsync(resident, example.Text + " again", example.Theme, LabelSource.Citizen);

        var result = await learner.RetrainAsync();

        Assert.False(result.Promoted);
        Assert.Contains("held-back reviewer labels", result.Record.Rejection, StringComparison.Ordinal);
        Assert.Equal(seed.Version, (await storage.ThemeModels.GetCurrentAsync())!.Version);
    }

    private async Task<Participant> AddParticipantAsync(string id) =>
        await storage.Participants.SaveAsync(new Participant
        {
            Id = id,
            Channel = "directline",
            ChannelUserId = "u_" + id,
            ConversationId = "c_" + id,
            CampaignCode = "community",
            Language = "en",
            Consent = new ConsentRecord("1", "en", time.GetUtcNow()),
            CreatedAt = time.GetUtcNow(),
        });

    private static IEnumerable<(string Text, string Theme)> PortugueseMessages()
    {
        (string Complaint, string Theme)[] complaints =
        [
            ("não tem água na torneira faz dias", "water_sanitation"),
            ("o posto de saúde está sem remédio e sem médico", "health"),
            ("a escola está sem professor o mês inteiro", "education"),
            ("teve assalto de novo e a polícia não aparece", "safety"),
        ];
        string[] places = ["no bairro", "na nossa rua", "aqui na vila", "na comunidade", "perto do mercado", "no morro", "na favela", "lá embaixo", "no centro", "do lado da igreja", "na estrada nova", "no assentamento"];
        foreach (var (complaint, theme) in complaints)
            foreach (var place in places)
                yield return ($"{place} {complaint}", theme);
    }

    private static string HeldBackId(ThemeLearner learner)
    {
        while (true)
        {
            var id = Submission.NewId();
            if (learner.IsHeldBack(id))
                return id;
        }
    }

    private async Task<string> AddLabelAsync(Participant participant, string text, string? theme, LabelSource source, string? id = null)
    {
        var submission = await storage.Submissions.SaveAsync(new Submission
        {
            Id = id ?? Submission.NewId(),
            ParticipantId = participant.Id,
            CampaignCode = participant.CampaignCode,
            Channel = participant.Channel,
            Source = SubmissionSource.Resident,
            Language = "en",
            Text = text,
            ReceivedAt = time.GetUtcNow(),
            ConsentVersion = "1",
            Theme = theme,
            LabelSource = source,
        });
        return submission.Id;
    }

    private sealed class FakeTime : TimeProvider
    {
        private DateTimeOffset now = new(2026, 11, 1, 8, 0, 0, TimeSpan.Zero);

        public override DateTimeOffset GetUtcNow() => now;

        public void Advance(TimeSpan by) => now += by;
    }
}
