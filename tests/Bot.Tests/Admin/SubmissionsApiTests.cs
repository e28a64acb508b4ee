using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CitizenData.Bot.Admin;
using CitizenData.Feedback.Submissions;

namespace CitizenData.Bot.Tests.Admin;

public sealed class SubmissionsApiTests
{
    [Fact]
    public async Task Submissions_are_listed_with_filters_and_pages_and_participants_only_as_pseudonyms()
    {
        await using var host = await AdminTestHost.StartAsync();
        await AdminSeed.ParticipantAsync(host.Storage, "p_kibera", "Kibera");
        await AdminSeed.ParticipantAsync(host.Storage, "p_mathare", "Mathare");
        for (var i = 0; i < 6; i++)
            await AdminSeed.SubmissionAsync(host.Storage, $"s_k{i}", "p_kibera", $"kibera input {i}", i % 2 == 0 ? "health" : "education", 0.9, i);
        await AdminSeed.SubmissionAsync(host.Storage, "s_m0", "p_mathare", "mathare input", "health", 0.9, 10);
        var analyst = await host.ClientForRoleAsync(StaffRoles.Analyst);

        var kiberaHealth = await analyst.GetFromJsonAsync<JsonElement>("/api/admin/campaigns/community/submissions?location=Kibera&theme=health");
        Assert.Equal(3, kiberaHealth.GetProperty("total").GetInt64());
        var page2 = await analyst.GetFromJsonAsync<JsonElement>("/api/admin/campaigns/community/submissions?pageSize=3&page=2");
        Assert.Equal(7, page2.GetProperty("total").GetInt64());
        Assert.Equal(["s_k3", "s_k2", "s_k1"], page2.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetString()));
        var period = await analyst.GetFromJsonAsync<JsonElement>($"/api/admin/campaigns/community/submissions?from={AdminSeed.Start.AddMinutes(2):O}&to={AdminSeed.Start.AddMinutes(4):O}".Replace("+", "%2B", StringComparison.Ordinal));
        Assert.Equal(2, period.GetProperty("total").GetInt64());
        var participant = page2.GetProperty("items")[0].GetProperty("participant").GetString()!;
        Assert.StartsWith("r_", participant, StringComparison.Ordinal);
        Assert.DoesNotContain("p_kibera", await analyst.GetStringAsync("/api/admin/campaigns/community/submissions"), StringComparison.Ordinal);

        await ApiKeyTests.AssertFieldProblemAsync(await analyst.GetAsync("/api/admin/campaigns/community/submissions?from=yesterday"), "from");
        await ApiKeyTests.AssertFieldProblemAsync(await analyst.GetAsync("/api/admin/campaigns/community/submissions?source=pigeon"), "source");
        await ApiKeyTests.AssertFieldProblemAsync(await analyst.GetAsync("/api/admin/campaigns/community/submissions?pageSize=5000"), "pageSize");
    }

    [Fact]
    public async Task The_review_queue_puts_the_least_certain_first_and_a_reviewer_label_is_stored_for_retraining_and_audited()
    {
        await using var host = await AdminTestHost.StartAsync();
        await AdminSeed.ParticipantAsync(host.Storage, "p1", "Kibera");
        await AdminSeed.SubmissionAsync(host.Storage, "s_sure", "p1", "clinic has no nurse", "health", 0.95, 0);
        await AdminSeed.SubmissionAsync(host.Storage, "s_unsure", "p1", "it is hard", "health", 0.4, 1, needsReview: true);
        await AdminSeed.SubmissionAsync(host.Storage, "s_very_unsure", "p1", "hmm", "education", 0.2, 2, needsReview: true);
        await AdminSeed.SubmissionAsync(host.Storage, "s_none", "p1", "???", null, null, 3, needsReview: true);
        var analyst = await host.ClientForRoleAsync(StaffRoles.Analyst);

        var queue = await analyst.GetFromJsonAsync<JsonElement>("/api/admin/campaigns/community/review");
        Assert.Equal(["s_none", "s_very_unsure", "s_unsure"], queue.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetString()));

        using var labelled = await analyst.PostAsJsonAsync("/api/admin/submissions/s_unsure/label", new { theme = "livelihoods" });
        Assert.Equal(HttpStatusCode.OK, labelled.StatusCode);
        var stored = await host.Storage.Submissions.GetAsync("s_unsure");
        Assert.Equal(("livelihoods", LabelSource.Reviewer, false), (stored!.Theme, stored.LabelSource, stored.NeedsReview));
        var entry = Assert.Single(await host.Storage.Audit.ListAsync("submission:s_unsure"));
        Assert.Equal("submission.label", entry.Action);
        Assert.Contains("\"previousTheme\":\"health\"", entry.Details, StringComparison.Ordinal);
        Assert.DoesNotContain("it is hard", entry.Details, StringComparison.Ordinal);

        await ApiKeyTests.AssertFieldProblemAsync(await analyst.PostAsJsonAsync("/api/admin/submissions/s_none/label", new { theme = "astrology" }), "theme");
        Assert.Equal(HttpStatusCode.Conflict, (await analyst.PostAsJsonAsync("/api/admin/submissions/s_none/label", new { theme = "health", version = 99 })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await analyst.PostAsJsonAsync("/api/admin/submissions/s_gone/label", new { theme = "health" })).StatusCode);
    }

    [Fact]
    public async Task A_sample_of_labelled_items_is_offered_for_a_second_review_and_agreement_is_reported_as_kappa()
    {
        await using var host = await AdminTestHost.StartAsync();
        await AdminSeed.ParticipantAsync(host.Storage, "p1", "Kibera");
        var sampled = new List<string>();
        for (var i = 0; sampled.Count < 4; i++)
        {
            var id = $"s_{i:D4}";
            await AdminSeed.SubmissionAsync(host.Storage, id, "p1", "input " + i, i % 2 == 0 ? "health" : "education", 0.9, i, label: LabelSource.Citizen);
            if (ReviewSample.Contains(id))
                sampled.Add(id);
        }
        var analyst = await host.ClientForRoleAsync(StaffRoles.Analyst);

        var queue = await analyst.GetFromJsonAsync<JsonElement>("/api/admin/campaigns/community/review?max=100");
        Assert.Equal(sampled, queue.GetProperty("secondReview").EnumerateArray().Select(i => i.GetProperty("id").GetString()));

        // Agree on three, disagree on one.
        foreach (var id in sampled)
        {
            var theme = (await host.Storage.Submissions.GetAsync(id))!.Theme;
            var second = id == sampled[^1] ? (theme == "health" ? "education" : "health") : theme;
            Assert.Equal(HttpStatusCode.OK, (await analyst.PostAsJsonAsync($"/api/admin/submissions/{id}/label", new { theme = second, secondReview = true })).StatusCode);
            Assert.Equal(theme, (await host.Storage.Submissions.GetAsync(id))!.Theme); // a second review does not relabel
        }

        var after = await analyst.GetFromJsonAsync<JsonElement>("/api/admin/campaigns/community/review?max=100");
        Assert.Empty(after.GetProperty("secondReview").EnumerateArray());
        var agreement = after.GetProperty("agreement");
        Assert.Equal(4, agreement.GetProperty("pairs").GetInt32());
        Assert.Equal(0.75, agreement.GetProperty("observedAgreement").GetDouble(), 3);
        Assert.True(agreement.GetProperty("kappa").GetDouble() < 0.75);
    }
}
