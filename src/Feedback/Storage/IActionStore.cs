using CitizenData.Feedback.Actions;

namespace CitizenData.Feedback.Storage;

public interface IActionStore
{
    Task<CampaignAction?> GetAsync(string id, CancellationToken cancellationToken = default);

    /// <summary>The campaign's actions, newest first.</summary>
    Task<IReadOnlyList<CampaignAction>> ListByCampaignAsync(string campaignCode, CancellationToken cancellationToken = default);

    /// <summary>Optimistic save: version 0 creates; otherwise the stored version must match.</summary>
    Task<CampaignAction> SaveAsync(CampaignAction action, CancellationToken cancellationToken = default);
}
