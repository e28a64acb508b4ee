namespace CitizenData.Feedback.Storage;

/// <summary>Commits everything one conversation turn produced, atomically: all of it or none of it.</summary>
public interface ITurnStore
{
    /// <summary>Throws <see cref="ConcurrencyConflictException"/> (and writes nothing) if any version check fails.</summary>
    Task CommitAsync(TurnCommit commit, CancellationToken cancellationToken = default);
}
