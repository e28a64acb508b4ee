using CitizenData.Feedback.Campaigns;

namespace CitizenData.Feedback.Storage;

public interface ICampaignStore
{
    Task<Campaign?> GetAsync(string code, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<Campaign>> ListAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// Creates the campaign when its <see cref="Campaign.Version"/> is 0, otherwise replaces the stored one if it still has
    /// that version. Returns the campaign with its new version. Throws <see cref="ConcurrencyConflictException"/> otherwise.
    /// </summary>
    Task<Campaign> SaveAsync(Campaign campaign, CancellationToken cancellationToken = default);
}
