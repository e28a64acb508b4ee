using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CitizenData.Bot.Admin;
using CitizenData.Bot.Cli;

namespace CitizenData.Bot.Tests.Admin;

public sealed class ExportApiTests
{
    /// <summary>Kibera has 12 health and 4 education inputs; Mathare 11 health and 1 education, all with k = 10.</summary>
    private static async Task SeedAsync(AdminTestHost host)
    {
        var n = 0;
        async Task AddAsync(string location, string theme, int count, string gender)
        {
            for (var i = 0; i < count; i++, n++)
            {
                var participant = $"p_{location}_{theme}_{i}";
                await AdminSeed.ParticipantAsync(host.Storage, participant, location, gender);
                await AdminSeed.SubmissionAsync(host.Storage, $"s_{n:D3}", participant, $"secret words {n}, call 0722{n:D6}", theme, 0.9, n);
            }
        }
        await AddAsync("Kibera", "health", 12, "woman");
        await AddAsync("Kibera", "education", 4, "man");
        await AddAsync("Mathare", "health", 11, "man");
        await AddAsync("Mathare", "education", 1, "woman");
    }

    [Fact]
    public async Task An_internal_csv_export_streams_every_submission_with_pseudonyms_and_links_its_datapackage()
    {
        await using var host = await AdminTestHost.StartAsync();
        await SeedAsync(host);
        var analyst = await host.ClientForRoleAsync(StaffRoles.Analyst);

        using var response = await analyst.GetAsync("/api/admin/campaigns/community/export?format=csv");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        var lines = (await response.Content.ReadAsStringAsync()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("submission_id,participant,received_at,channel,source,language,text,theme,confidence,label_source,needs_review,model_version,consent_version,profile_location,profile_gender", lines[0], StringComparison.Ordinal);
        Assert.Equal(29, lines.Length);
        Assert.Contains("Kibera", lines[1], StringComparison.Ordinal);
        Assert.DoesNotContain(lines, l => l.Contains("p_Kibera", StringComparison.Ordinal));
        Assert.Contains("datapackage.json", response.Headers.GetValues("Link").Single(), StringComparison.Ordinal);

        var package = await analyst.GetFromJsonAsync<JsonElement>("/api/admin/campaigns/community/export/datapackage.json?format=csv");
        Assert.Equal("tabular-data-package", package.GetProperty("profile").GetString());
        var fields = package.GetProperty("resources")[0].GetProperty("schema").GetProperty("fields").EnumerateArray().Select(f => f.GetProperty("name").GetString()).ToList();
        Assert.Equal(lines[0].Split(','), fields);
        var meta = package.GetProperty("citizendata");
        Assert.Equal(28, meta.GetProperty("submissions").GetInt64());
        Assert.Equal(10, meta.GetProperty("privacy").GetProperty("suppressionThreshold").GetInt32());
        Assert.Equal(["1"], meta.GetProperty("consentVersions").EnumerateArray().Select(v => v.GetString()));
        Assert.Equal(["model-1"], meta.GetProperty("classifier").GetProperty("versions").EnumerateArray().Select(v => v.GetString()));
        Assert.Equal(AdminSeed.Start, meta.GetProperty("collectionPeriod").GetProperty("start").GetDateTimeOffset());
        Assert.Equal(JsonValueKind.Array, meta.GetProperty("classifier").GetProperty("models").ValueKind);

        var json = await analyst.GetFromJsonAsync<JsonElement>($"/api/admin/campaigns/community/export?format=json&to={AdminSeed.Start.AddMinutes(5):yyyy-MM-ddTHH:mm:ssZ}");
        Assert.Equal(5, json.GetArrayLength());
        Assert.Equal(0.9, json[0].GetProperty("confidence").GetDouble());
        Assert.Single(await host.Storage.Audit.ListAsync("campaign:community"), a => a.Action == "campaign.export" && a.Details!.Contains("\"json\"", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_public_export_has_no_free_text_no_ids_and_no_count_below_k()
    {
        await using var host = await AdminTestHost.StartAsync();
        await SeedAsync(host);
        var analyst = await host.ClientForRoleAsync(StaffRoles.Analyst);

        foreach (var format in new[] { "csv", "json" })
        {
            var text = await analyst.GetStringAsync($"/api/admin/campaigns/community/export?format={format}&audience=public");
            Assert.DoesNotContain("secret words", text, StringComparison.Ordinal);
            Assert.DoesNotContain("0722", text, StringComparison.Ordinal);
            Assert.DoesNotContain("s_0", text, StringComparison.Ordinal);
            Assert.DoesNotMatch(@"\br_[0-9a-f]{20}\b", text); // no pseudonyms
        }
        var rows = await analyst.GetFromJsonAsync<JsonElement>("/api/admin/campaigns/community/export?format=json&audience=public");
        var counts = rows.EnumerateArray().Where(r => r.GetProperty("count").ValueKind == JsonValueKind.Number).Select(r => r.GetProperty("count").GetInt64()).ToList();
        Assert.NotEmpty(counts);
        Assert.All(counts, c => Assert.True(c >= 10, $"A published count of {c} is below k = 10."));
        // Null when hidden, or absent: a theme too small to publish has no row in the breakdowns at all.
        long? Count(string dimension, string value, string theme) => rows.EnumerateArray()
            .SingleOrDefault(r => r.GetProperty("dimension").GetString() == dimension && r.GetProperty("value").GetString() == value && r.GetProperty("theme").GetString() == theme) is { ValueKind: JsonValueKind.Object } row
            && row.GetProperty("count") is { ValueKind: JsonValueKind.Number } c ? c.GetInt64() : null;
        Assert.Equal(23, Count("all", "(all)", "health"));
        Assert.Equal(28, Count("all", "(all)", "(all)"));
        Assert.Null(Count("location", "Kibera", "education"));
        Assert.Equal(12, Count("location", "Kibera", "health"));
        Assert.Equal(16, Count("location", "Kibera", "(all)"));

        var csv = (await analyst.GetStringAsync("/api/admin/campaigns/community/export?format=csv&audience=public")).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("dimension,value,theme,count,suppressed", csv[0]);
        Assert.All(csv.Skip(1).Select(l => l.Split(',')[3]).Where(c => c.Length > 0), c => Assert.True(long.Parse(c, CultureInfo.InvariantCulture) >= 10));
    }

    [Fact]
    public async Task A_public_export_counts_people_not_inputs()
    {
        await using var host = await AdminTestHost.StartAsync();
        for (var i = 0; i < 15; i++)
        {
            await AdminSeed.ParticipantAsync(host.Storage, $"p_health_{i}", "Kibera");
            await AdminSeed.SubmissionAsync(host.Storage, $"s_health_{i}", $"p_health_{i}", "The clinic has no medicine", "health", 0.9, i);
        }
        // One resident, twelve inputs about schools: twelve inputs, but one person, who must not be singled out.
        await AdminSeed.ParticipantAsync(host.Storage, "p_prolific", "Kibera");
        for (var i = 0; i < 12; i++)
            await AdminSeed.SubmissionAsync(host.Storage, $"s_school_{i}", "p_prolific", "The school roof leaks", "education", 0.9, 100 + i);
        var analyst = await host.ClientForRoleAsync(StaffRoles.Analyst);

        var rows = await analyst.GetFromJsonAsync<JsonElement>("/api/admin/campaigns/community/export?format=json&audience=public");

        var themes = rows.EnumerateArray().Where(r => r.GetProperty("dimension").GetString() == "all").ToDictionary(r => r.GetProperty("theme").GetString()!, r => r.GetProperty("count"));
        Assert.Equal(16, themes["(all)"].GetInt64());
        Assert.Equal(15, themes["health"].GetInt64());
        Assert.Equal(JsonValueKind.Null, themes["education"].ValueKind);
        Assert.DoesNotContain(rows.EnumerateArray(), r => r.GetProperty("count") is { ValueKind: JsonValueKind.Number } c && c.GetInt64() == 12);
    }

    [Fact]
    public async Task The_command_line_export_writes_the_same_file_and_a_datapackage_beside_it()
    {
        await using var host = await AdminTestHost.StartAsync();
        await SeedAsync(host);
        var analyst = await host.ClientForRoleAsync(StaffRoles.Analyst);
        var viaApi = await analyst.GetStringAsync("/api/admin/campaigns/community/export?format=csv");
        var folder = Directory.CreateTempSubdirectory("citizendata-export-");
        try
        {
            var file = Path.Combine(folder.FullName, "community.csv");
            using var output = new StringWriter();
            using var errors = new StringWriter();

            var exit = await ExportCommand.RunAsync(["--campaign", "community", "--format", "csv", "--out", file, $"--Storage:Sqlite:Path={host.Database.Path}"], output, errors);

            Assert.True(exit == 0, errors.ToString());
            Assert.Equal(viaApi, await File.ReadAllTextAsync(file));
            var package = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(folder.FullName, "datapackage.json"))).RootElement;
            Assert.Equal("community.csv", package.GetProperty("resources")[0].GetProperty("path").GetString());
            Assert.Equal(2, await ExportCommand.RunAsync(["--campaign", "community", "--format", "xml", "--out", file], output, errors));
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task The_api_is_described_at_openapi_v1_json_with_a_browsable_page()
    {
        await using var host = await AdminTestHost.StartAsync();
        var client = host.Anonymous();
        var document = await client.GetFromJsonAsync<JsonElement>("/openapi/v1.json");
        var paths = document.GetProperty("paths");
        foreach (var path in new[] { "/api/admin/campaigns", "/api/admin/campaigns/{code}", "/api/admin/campaigns/{code}/submissions", "/api/admin/campaigns/{code}/review", "/api/admin/submissions/{id}/label", "/api/admin/campaigns/{code}/export" })
            Assert.True(paths.TryGetProperty(path, out _), $"{path} is not described");
        Assert.True(document.GetProperty("components").GetProperty("securitySchemes").TryGetProperty("apiKey", out _));
        var page = await client.GetStringAsync("/openapi");
        Assert.Contains("/openapi/v1.json", page, StringComparison.Ordinal);
        Assert.DoesNotContain("https://", page, StringComparison.Ordinal);
    }
}
