using System.Text.Json.Nodes;
using CitizenData.Feedback.Campaigns;
using CitizenData.Feedback.Storage;
using CitizenData.Feedback.Submissions;
using CitizenData.Feedback.Summaries;

namespace CitizenData.Feedback.Privacy;

/// <summary>
/// Exports a campaign's submissions, the same way for the admin API and the command line: the data (streamed) and
/// its Frictionless Data Package descriptor (<c>datapackage.json</c>) with the quality metadata a statistics office
/// asks for.
/// </summary>
public sealed class CampaignExport(IFeedbackStorage storage, TimeProvider clock)
{
    private Pseudonyms? pseudonyms;

    public async Task WriteAsync(Campaign campaign, ExportRequest request, Stream output, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(campaign);
        ArgumentNullException.ThrowIfNull(request);
        if (request.Audience == ExportAudience.Public)
        {
            var summary = await new SummaryBuilder(storage.Summaries).BuildAsync(campaign, request.From, request.To, SummaryAudience.Public, cancellationToken);
            await ExportWriter.WritePublicAsync(PublicCounts.From(summary), request.Format, output, cancellationToken);
            return;
        }
        var rows = storage.Submissions.StreamProfiledAsync(Query(campaign, request), cancellationToken);
        var pseudonyms = await PseudonymsAsync(cancellationToken);
        await ExportWriter.WriteSubmissionsAsync(rows, ProfileKeys(campaign), pseudonyms, request.Format, output, cancellationToken);
    }

    /// <summary>The <c>datapackage.json</c> describing the export, whose data file is <paramref name="dataPath"/>.</summary>
    public async Task<JsonObject> DescribeAsync(Campaign campaign, ExportRequest request, string dataPath, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(campaign);
        ArgumentNullException.ThrowIfNull(request);
        var statistics = await storage.Submissions.StatisticsAsync(Query(campaign, request), cancellationToken);
        var agreement = ReviewerAgreement.FromSecondReviews(await storage.Submissions.ListSecondReviewsAsync(campaign.Code, cancellationToken));
        var fields = request.Audience == ExportAudience.Public
            ? ExportWriter.PublicFields
            : ExportWriter.SubmissionFields.Concat(ExportWriter.ProfileFields(ProfileKeys(campaign))).ToList();
        double Share(LabelSource source) => statistics.Count == 0 ? 0 : Math.Round((double)statistics.ByLabelSource.GetValueOrDefault(source) / statistics.Count, 4);

        var schema = new JsonObject
        {
            ["fields"] = new JsonArray(fields.Select(f => (JsonNode)new JsonObject { ["name"] = f.Name, ["type"] = f.Type, ["description"] = f.Description }).ToArray()),
        };
        if (request.Audience == ExportAudience.Public)
            schema["missingValues"] = new JsonArray("");
        return new JsonObject
        {
            ["profile"] = "tabular-data-package",
            ["name"] = $"citizendata-{campaign.Code}-{(request.Audience == ExportAudience.Public ? "public" : "internal")}".ToLowerInvariant(),
            ["title"] = campaign.Title("en"),
            ["created"] = clock.GetUtcNow().ToString("O"),
            ["resources"] = new JsonArray(new JsonObject
            {
                ["name"] = request.Audience == ExportAudience.Public ? "theme-counts" : "submissions",
                ["path"] = dataPath,
                ["profile"] = "tabular-data-resource",
                ["format"] = request.Extension,
                ["mediatype"] = request.Format == ExportFormat.Csv ? "text/csv" : "application/json",
                ["encoding"] = "utf-8",
                ["schema"] = schema,
            }),
            ["citizendata"] = new JsonObject
            {
                ["campaign"] = new JsonObject
                {
                    ["code"] = campaign.Code,
                    ["organisation"] = campaign.Organisation,
                    ["status"] = campaign.Status.ToString().ToLowerInvariant(),
                    ["languages"] = new JsonArray(campaign.Languages.Select(l => (JsonNode)l).ToArray()),
                    ["questions"] = new JsonObject(campaign.Questions.Select(q => KeyValuePair.Create(q.Key, (JsonNode?)q.Value))),
                    ["themes"] = new JsonArray(campaign.Taxonomy.Keys.Select(k => (JsonNode)k).ToArray()),
                },
                ["audience"] = request.Audience.ToString().ToLowerInvariant(),
                ["filter"] = new JsonObject { ["from"] = request.From?.ToString("O"), ["to"] = request.To?.ToString("O") },
                ["collectionPeriod"] = new JsonObject { ["start"] = statistics.FirstReceivedAt?.ToString("O"), ["end"] = statistics.LastReceivedAt?.ToString("O") },
                ["submissions"] = statistics.Count,
                ["participants"] = statistics.Participants,
                ["consentVersions"] = new JsonArray(statistics.ConsentVersions.Select(v => (JsonNode)v).ToArray()),
                ["classifier"] = new JsonObject
                {
                    ["versions"] = new JsonArray(statistics.ModelVersions.Select(v => (JsonNode)v).ToArray()),
                    ["models"] = await ModelsAsync(statistics.ModelVersions, cancellationToken),
                },
                ["labels"] = new JsonObject
                {
                    ["reviewedByHumansShare"] = Share(LabelSource.Reviewer),
                    ["confirmedByResidentsShare"] = Share(LabelSource.Citizen),
                    ["modelOnlyShare"] = Share(LabelSource.Model),
                    ["unlabelledShare"] = Share(LabelSource.None),
                    ["reviewerAgreement"] = new JsonObject { ["pairs"] = agreement.Pairs, ["cohensKappa"] = agreement.Kappa is { } k ? Math.Round(k, 4) : null },
                },
                ["privacy"] = new JsonObject
                {
                    ["suppressionThreshold"] = campaign.PrivacyThreshold,
                    ["suppression"] = request.Audience == ExportAudience.Public
                        ? "People, not inputs, are counted; counts below the threshold are hidden, and further counts wherever a hidden one could be worked out from the others (the summary engine's complementary suppression, each hidden count proven protected); no free text or ids."
                        : "None: internal export for the organisation. Participants are pseudonyms (HMAC-SHA-256 with an installation key).",
                },
            },
        };
    }

    /// <summary>The installation's pseudonyms (its key is created on first use and kept in storage).</summary>
    public async Task<Pseudonyms> PseudonymsAsync(CancellationToken cancellationToken = default) =>
        pseudonyms ??= Pseudonyms.FromSecret(await storage.Staff.GetOrCreateSecretAsync(Pseudonyms.SecretName, Pseudonyms.NewSecret, cancellationToken));

    /// <summary>What the model store knows about the versions that labelled the rows: training data and evaluation.</summary>
    private async Task<JsonArray> ModelsAsync(IReadOnlyList<string> versions, CancellationToken cancellationToken)
    {
        var known = (await storage.ThemeModels.ListAsync(1000, cancellationToken)).Where(m => versions.Contains(m.Version));
        return new JsonArray(known.Select(m => (JsonNode)new JsonObject
        {
            ["version"] = m.Version,
            ["createdAt"] = m.CreatedAt.ToString("O"),
            ["pipeline"] = m.Pipeline,
            ["trainingSetSize"] = m.TrainingSetSize,
            ["citizenLabels"] = m.CitizenLabels,
            ["reviewerLabels"] = m.ReviewerLabels,
            ["crossValidatedMacroF1"] = m.CrossValidatedMacroF1,
            ["crossValidatedAccuracy"] = m.CrossValidatedAccuracy,
            ["holdoutSize"] = m.HoldoutSize,
            ["holdoutMacroF1"] = m.HoldoutMacroF1,
            ["promotedAt"] = m.PromotedAt?.ToString("O"),
        }).ToArray());
    }

    private static SubmissionQuery Query(Campaign campaign, ExportRequest request) =>
        new(campaign.Code) { From = request.From, To = request.To };

    private static IReadOnlyList<string> ProfileKeys(Campaign campaign) => campaign.ProfileQuestions.Select(q => q.Key).ToList();
}
