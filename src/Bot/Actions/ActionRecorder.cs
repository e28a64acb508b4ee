using System.Security.Claims;
using CitizenData.Bot.Admin.Audit;
using CitizenData.Bot.Admin.Auth;
using CitizenData.Feedback.Actions;
using CitizenData.Feedback.Campaigns;
using CitizenData.Feedback.Storage;

namespace CitizenData.Bot.Actions;

/// <summary>
/// Records what a duty bearer did or promised ("you said, we did"), validated and audited the same way for the admin
/// API and the dashboard.
/// </summary>
public sealed class ActionRecorder(IFeedbackStorage storage, StaffAudit audit, TimeProvider clock)
{
    public const int MaxTextLength = 1000;
    public const int MaxDutyBearerLength = 200;

    /// <param name="Texts">What was done, per language code.</param>
    /// <param name="Status">promised, in_progress or done; promised when empty.</param>
    public sealed record Request(IReadOnlyList<string>? Themes, IReadOnlyDictionary<string, string>? Texts, string? DutyBearer, string? Status, DateTimeOffset? Date);

    /// <summary>The action recorded, or the fields that were wrong (field → message), with nothing stored.</summary>
    public sealed record Outcome(CampaignAction? Action, Dictionary<string, string[]> Errors);

    public async Task<Outcome> RecordAsync(Campaign campaign, Request request, ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(campaign);
        ArgumentNullException.ThrowIfNull(request);
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var themes = request.Themes?.Where(t => !string.IsNullOrWhiteSpace(t)).Distinct(StringComparer.Ordinal).ToList() ?? [];
        if (themes.Count == 0)
            errors["themes"] = ["Name at least one theme the action is about."];
        else if (themes.FirstOrDefault(t => !campaign.Taxonomy.Contains(t)) is { } unknown)
            errors["themes"] = [$"'{unknown}' is not a theme of this campaign."];
        var texts = (request.Texts ?? new Dictionary<string, string>())
            .Where(t => !string.IsNullOrWhiteSpace(t.Value))
            .ToDictionary(t => t.Key, t => t.Value.Trim(), StringComparer.Ordinal);
        if (texts.Count == 0 || texts.Values.Any(t => t.Length > MaxTextLength))
            errors["texts"] = ["Say what was done, in 1 to 1,000 characters per language."];
        if (string.IsNullOrWhiteSpace(request.DutyBearer) || request.DutyBearer.Trim().Length > MaxDutyBearerLength)
            errors["dutyBearer"] = ["Name who acted (a duty bearer), in up to 200 characters."];
        if (!TryParseStatus(request.Status, out var status))
            errors["status"] = ["status is promised, in_progress or done."];
        if (errors.Count > 0)
            return new Outcome(null, errors);

        var now = clock.GetUtcNow();
        var action = await storage.Actions.SaveAsync(new CampaignAction
        {
            Id = CampaignAction.NewId(),
            CampaignCode = campaign.Code,
            Themes = themes,
            Texts = texts,
            DutyBearer = request.DutyBearer!.Trim(),
            Status = status,
            Date = request.Date ?? now,
            RecordedBy = StaffActor.Name(user),
            RecordedAt = now,
        }, cancellationToken);
        await audit.RecordAsync(user, "action.record", "action:" + action.Id, new { code = campaign.Code, themes, status = status.ToString() }, cancellationToken);
        return new Outcome(action, errors);
    }

    /// <summary>The wire name of a status: promised, in_progress, done.</summary>
    public static string StatusName(ActionStatus status) => status switch
    {
        ActionStatus.InProgress => "in_progress",
        _ => status.ToString().ToLowerInvariant(),
    };

    private static bool TryParseStatus(string? text, out ActionStatus status)
    {
        status = ActionStatus.Promised;
        return string.IsNullOrEmpty(text) || Enum.TryParse(text.Replace("_", string.Empty, StringComparison.Ordinal), ignoreCase: true, out status);
    }
}
