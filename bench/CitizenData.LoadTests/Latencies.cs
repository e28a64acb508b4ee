using System.Diagnostics;
using System.Globalization;

namespace CitizenData.LoadTests;

/// <summary>Request latencies of one run, and what they add up to.</summary>
public sealed class Latencies(int capacity)
{
    private readonly double[] milliseconds = new double[capacity];
    private int count;

    public void Add(long startTimestamp) =>
        milliseconds[Interlocked.Increment(ref count) - 1] = Stopwatch.GetElapsedTime(startTimestamp).TotalMilliseconds;

    public int Count => count;

    public double Percentile(double p)
    {
        var sorted = milliseconds[..count].Order().ToArray();
        return sorted.Length == 0 ? double.NaN : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p / 100 * sorted.Length) - 1)];
    }

    public string Describe(TimeSpan elapsed) => string.Create(
        CultureInfo.InvariantCulture,
        $"{count / elapsed.TotalSeconds,9:N0}/s   p50 {Percentile(50),7:N2} ms   p99 {Percentile(99),7:N2} ms   max {Percentile(100),8:N2} ms");
}
