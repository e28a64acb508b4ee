using System.Security.Claims;
using CitizenData.Bot.Admin.Audit;
using CitizenData.Feedback.Campaigns;
using CitizenData.Feedback.Storage;

namespace CitizenData.Bot.Admin.Campaigns;

/// <summary>
/// Creating and replacing a campaign from its definition: validated by <see cref="CampaignDefinition.ToCampaign"/>,
/// stored with optimistic concurrency, and audited. The admin API and the dashboard's editor both change campaigns
/// through here, so a change is checked and recorded the same way whichever door it came through.
/// </summary>
public sealed class CampaignChanges(ICampaignStore campaigns, StaffAudit audit)
{
    /// <summary>Not a campaign code: <c>/admin/campaigns/new</c> is the dashboard's page for creating one.</summary>
    public const string ReservedCode = "new";

    /// <summary>A new campaign; <see cref="CampaignChangeOutcome.Conflict"/> when the code is taken.</summary>
    public async Task<CampaignChange> CreateAsync(string code, CampaignDefinition definition, ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(definition);
        if (string.Equals(code, ReservedCode, StringComparison.OrdinalIgnoreCase))
            return CampaignChange.Invalid(new Dictionary<string, string[]> { ["code"] = [$"'{ReservedCode}' is reserved (it is the dashboard's page for a new campaign); choose another code."] });
        var (campaign, errors) = definition.ToCampaign(code, version: 0);
        if (errors.Count > 0)
            return CampaignChange.Invalid(errors);
        try
        {
            var saved = await campaigns.SaveAsync(campaign!, cancellationToken);
            await audit.RecordAsync(user, "campaign.create", "campaign:" + code, new { status = saved.Status.ToString(), saved.PrivacyThreshold }, cancellationToken);
            return CampaignChange.Saved(saved);
        }
        catch (ConcurrencyConflictException)
        {
            return CampaignChange.Conflict;
        }
    }

    /// <summary>
    /// Replaces the campaign. With <see cref="CampaignDefinition.Version"/> set, a campaign someone else changed since that
    /// version is left alone (<see cref="CampaignChangeOutcome.Conflict"/>); without it, the stored one is overwritten.
    /// </summary>
    public async Task<CampaignChange> UpdateAsync(string code, CampaignDefinition definition, ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(definition);
        var stored = await campaigns.GetAsync(code, cancellationToken);
        if (stored is null)
            return CampaignChange.NotFound;
        var (campaign, errors) = definition.ToCampaign(code, definition.Version ?? stored.Version);
        if (errors.Count > 0)
            return CampaignChange.Invalid(errors);
        try
        {
            var saved = await campaigns.SaveAsync(campaign!, cancellationToken);
            await audit.RecordAsync(
                user,
                "campaign.update",
                "campaign:" + code,
                new { version = saved.Version, status = saved.Status.ToString(), statusChanged = saved.Status != stored.Status, saved.PrivacyThreshold, saved.ReviewThreshold },
                cancellationToken);
            return CampaignChange.Saved(saved);
        }
        catch (ConcurrencyConflictException)
        {
            return CampaignChange.Conflict;
        }
    }
}

public enum CampaignChangeOutcome
{
    Saved,
    /// <summary>The definition is invalid; <see cref="CampaignChange.Errors"/> names the fields by JSON path.</summary>
    Invalid,
    NotFound,
    /// <summary>Creating: the code is taken. Replacing: someone else saved the campaign since the version read.</summary>
    Conflict,
}

/// <summary>What became of a change: the stored campaign, or why there is none.</summary>
public sealed record CampaignChange(CampaignChangeOutcome Outcome, Campaign? Campaign, IReadOnlyDictionary<string, string[]> Errors)
{
    public static readonly CampaignChange NotFound = new(CampaignChangeOutcome.NotFound, null, new Dictionary<string, string[]>());

    public static readonly CampaignChange Conflict = new(CampaignChangeOutcome.Conflict, null, new Dictionary<string, string[]>());

    public static CampaignChange Saved(Campaign campaign) => new(CampaignChangeOutcome.Saved, campaign, new Dictionary<string, string[]>());

    public static CampaignChange Invalid(IReadOnlyDictionary<string, string[]> errors) => new(CampaignChangeOutcome.Invalid, null, errors);
}
