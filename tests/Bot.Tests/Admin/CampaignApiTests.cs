using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using CitizenData.Bot.Admin;
using CitizenData.Feedback.Campaigns;

namespace CitizenData.Bot.Tests.Admin;

public sealed class CampaignApiTests
{
    private static JsonObject Valid() => new()
    {
        ["titles"] = new JsonObject { ["en"] = "Water in Kibera", ["sw"] = "Maji Kibera" },
        ["questions"] = new JsonObject { ["en"] = "What should change about water?", ["sw"] = "Nini kibadilike kuhusu maji?" },
        ["languages"] = new JsonArray("en", "sw"),
        ["taxonomy"] = new JsonArray(
            new JsonObject { ["key"] = "water_sanitation", ["names"] = new JsonObject { ["en"] = "Water" }, ["seedExamples"] = new JsonArray("the borehole is broken") },
            new JsonObject { ["key"] = "other", ["names"] = new JsonObject { ["en"] = "Other" } }),
        ["profileQuestions"] = new JsonArray(new JsonObject
        {
            ["key"] = "tribe",
            ["prompts"] = new JsonObject { ["en"] = "Which community?", ["sw"] = "Jamii gani?" },
            ["purposes"] = new JsonObject { ["en"] = "To see if some communities are left out.", ["sw"] = "Kuona kama jamii fulani zimeachwa." },
            ["isMarginalisationFactor"] = true,
        }),
        ["privacyThreshold"] = 5,
        ["status"] = "draft",
    };

    [Fact]
    public async Task An_analyst_creates_edits_opens_and_closes_a_campaign_and_each_change_is_audited()
    {
        await using var host = await AdminTestHost.StartAsync();
        var analyst = await host.ClientForRoleAsync(StaffRoles.Analyst);

        using var created = await analyst.PostAsJsonAsync("/api/admin/campaigns/kibera-water", Valid());
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var body = await created.Content.ReadFromJsonAsync<JsonObject>();
        body!["status"] = "open";
        Assert.Equal(HttpStatusCode.OK, (await analyst.PutAsJsonAsync("/api/admin/campaigns/kibera-water", body)).StatusCode);
        var stale = body.DeepClone().AsObject();
        body["status"] = "closed";
        body["version"] = 2;
        Assert.Equal(HttpStatusCode.OK, (await analyst.PutAsJsonAsync("/api/admin/campaigns/kibera-water", body)).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await analyst.PutAsJsonAsync("/api/admin/campaigns/kibera-water", stale)).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await analyst.PostAsJsonAsync("/api/admin/campaigns/kibera-water", Valid())).StatusCode);

        var stored = await host.Storage.Campaigns.GetAsync("kibera-water");
        Assert.Equal((CampaignStatus.Closed, 5, 3L), (stored!.Status, stored.PrivacyThreshold, stored.Version));
        Assert.True(stored.ProfileQuestions[0].IsMarginalisationFactor);
        var listed = await analyst.GetFromJsonAsync<JsonElement>("/api/admin/campaigns");
        Assert.Contains(listed.EnumerateArray(), c => c.GetProperty("code").GetString() == "kibera-water");

        var audit = await host.Storage.Audit.ListAsync("campaign:kibera-water");
        Assert.Equal(["campaign.update", "campaign.update", "campaign.create"], audit.Select(a => a.Action));
        Assert.All(audit, a => Assert.StartsWith("apikey:", a.Actor, StringComparison.Ordinal));
    }

    public static TheoryData<string, string> InvalidDefinitions => new()
    {
        { """{"privacyThreshold": 2}""", "privacyThreshold" },
        { """{"reviewThreshold": 1.5}""", "reviewThreshold" },
        { """{"languages": null}""", "languages" },
        { """{"languages": ["english"]}""", "languages[0]" },
        { """{"questions": {"en": "What should change?"}}""", "questions" },
        { """{"taxonomy": [{"key": "water", "names": {"en": "Water"}}, {"key": "health", "names": {"en": "Health"}}]}""", "taxonomy" },
        { """{"taxonomy": [{"key": "Water!", "names": {"en": "Water"}}, {"key": "other", "names": {"en": "Other"}}]}""", "taxonomy[0].key" },
        { """{"profileQuestions": [{"key": "caste", "prompts": {"en": "Caste?", "sw": "Tabaka?"}, "isMarginalisationFactor": true}]}""", "profileQuestions[0].purposes" },
        { """{"status": "paused"}""", "status" },
    };

    [Theory]
    [MemberData(nameof(InvalidDefinitions))]
    public async Task An_invalid_definition_is_refused_naming_the_field(string change, string field)
    {
        await using var host = await AdminTestHost.StartAsync();
        var analyst = await host.ClientForRoleAsync(StaffRoles.Analyst);
        var definition = Valid();
        foreach (var (key, value) in JsonNode.Parse(change)!.AsObject())
            definition[key] = value?.DeepClone();

        await ApiKeyTests.AssertFieldProblemAsync(await analyst.PostAsJsonAsync("/api/admin/campaigns/bad-one", definition), field);
        Assert.Null(await host.Storage.Campaigns.GetAsync("bad-one"));
        Assert.Empty(await host.Storage.Audit.ListAsync("campaign:bad-one"));
    }

    [Fact]
    public async Task The_code_of_the_dashboards_new_campaign_page_is_refused()
    {
        await using var host = await AdminTestHost.StartAsync();
        var analyst = await host.ClientForRoleAsync(StaffRoles.Analyst);

        await ApiKeyTests.AssertFieldProblemAsync(await analyst.PostAsJsonAsync("/api/admin/campaigns/new", Valid()), "code");
        Assert.Null(await host.Storage.Campaigns.GetAsync("new"));
    }

    [Fact]
    public async Task The_default_campaign_reads_back_and_an_unknown_one_is_a_404_problem()
    {
        await using var host = await AdminTestHost.StartAsync();
        var analyst = await host.ClientForRoleAsync(StaffRoles.Analyst);
        var community = await analyst.GetFromJsonAsync<JsonElement>("/api/admin/campaigns/community");
        Assert.Equal(10, community.GetProperty("privacyThreshold").GetInt32());
        using var missing = await analyst.GetAsync("/api/admin/campaigns/nowhere");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal("application/problem+json", missing.Content.Headers.ContentType?.MediaType);
    }
}
