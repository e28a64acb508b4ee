using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace CitizenData.Bot.Channels.DirectLine;

/// <summary>Token buckets: activities per conversation, and web chat tokens per client address.</summary>
public sealed class DirectLineRateLimits : IDisposable
{
    private readonly PartitionedRateLimiter<string> activities;
    private readonly PartitionedRateLimiter<string> webChatTokens;

    public DirectLineRateLimits(IOptions<DirectLineOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var settings = options.Value;
        activities = Buckets(settings.ActivityBurst, settings.ActivitiesPerMinute);
        webChatTokens = Buckets(Math.Max(1, settings.WebChatTokensPerMinute), settings.WebChatTokensPerMinute);
    }

    /// <summary>Null when the conversation may post now; otherwise how long to wait.</summary>
    public TimeSpan? TryPostActivity(string conversationId) => TryAcquire(activities, conversationId);

    public TimeSpan? TryIssueWebChatToken(string clientAddress) => TryAcquire(webChatTokens, clientAddress);

    public void Dispose()
    {
        activities.Dispose();
        webChatTokens.Dispose();
    }

    private static TimeSpan? TryAcquire(PartitionedRateLimiter<string> limiter, string key)
    {
        using var lease = limiter.AttemptAcquire(key);
        if (lease.IsAcquired)
            return null;
        return lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : TimeSpan.FromSeconds(1);
    }

    private static PartitionedRateLimiter<string> Buckets(int burst, int perMinute)
    {
        var period = TimeSpan.FromMinutes(1) / Math.Max(1, perMinute);
        return PartitionedRateLimiter.Create<string, string>(key => RateLimitPartition.GetTokenBucketLimiter(key, _ => new TokenBucketRateLimiterOptions
        {
            TokenLimit = Math.Max(1, burst),
            TokensPerPeriod = 1,
            ReplenishmentPeriod = period,
            QueueLimit = 0,
            AutoReplenishment = true,
        }));
    }
}
