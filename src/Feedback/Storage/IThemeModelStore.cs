using CitizenData.Feedback.Themes.Learning;

namespace CitizenData.Feedback.Storage;

/// <summary>
/// Every theme model version that was trained, with its bytes, so each instance serves the same promoted model.
/// The current model is the most recently promoted one.
/// </summary>
public interface IThemeModelStore
{
    /// <summary>Stores a new version; returns false (and changes nothing) if that version is already stored.</summary>
    Task<bool> AddAsync(ThemeModelRecord record, byte[] model, CancellationToken cancellationToken = default);

    /// <summary>Replaces what is known about a stored version (its metrics); the model bytes stay as they are.</summary>
    Task UpdateAsync(ThemeModelRecord record, CancellationToken cancellationToken = default);

    Task<ThemeModelRecord?> GetCurrentAsync(CancellationToken cancellationToken = default);

    Task<byte[]?> GetModelAsync(string version, CancellationToken cancellationToken = default);

    /// <summary>Versions, newest first, without their bytes.</summary>
    Task<IReadOnlyList<ThemeModelRecord>> ListAsync(int max, CancellationToken cancellationToken = default);
}
