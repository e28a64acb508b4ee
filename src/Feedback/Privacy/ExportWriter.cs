using System.Globalization;
using System.Text;
using System.Text.Json;
using CitizenData.Feedback.Submissions;

namespace CitizenData.Feedback.Privacy;

/// <summary>
/// Writes export rows as CSV (RFC 4180, UTF-8, header row) or as a JSON array of objects, row by row, flushing as it
/// goes, so memory stays flat however many rows there are.
/// </summary>
internal static class ExportWriter
{
    private const int FlushEvery = 1000;

    public static readonly IReadOnlyList<ExportField> SubmissionFields =
    [
        new("submission_id", "string", "Random id of the input."),
        new("participant", "string", "Pseudonymous participant id: a keyed hash, stable within this installation."),
        new("received_at", "datetime", "When the input arrived (UTC)."),
        new("channel", "string", "telegram, directline, …"),
        new("source", "string", "resident, volunteer or group."),
        new("language", "string", "ISO 639-1 code of the conversation."),
        new("text", "string", "The input, as given."),
        new("theme", "string", "Theme key; empty when not classified."),
        new("confidence", "number", "The classifier's probability for the theme; empty for human labels without one."),
        new("label_source", "string", "none, model, citizen (the resident confirmed or corrected it) or reviewer."),
        new("needs_review", "boolean", "Marked for a human review."),
        new("model_version", "string", "Version of the classifier that labelled it."),
        new("consent_version", "string", "Version of the consent text in force."),
    ];

    public static readonly IReadOnlyList<ExportField> PublicFields =
    [
        new("dimension", "string", "all, or a profile question key (location, gender, age band…)."),
        new("value", "string", "The value of the dimension; (all) for totals, not_stated for skipped questions, other_values for answers given by fewer than k people."),
        new("theme", "string", "Theme key; (all) for totals, unsorted for inputs not sorted into a theme yet."),
        new("count", "integer", "Number of people (participants) — a person who raised several themes counts once in each; empty where suppressed."),
        new("suppressed", "boolean", "True where the count is hidden (below the threshold, or to protect a hidden count)."),
    ];

    public static IReadOnlyList<ExportField> ProfileFields(IEnumerable<string> keys) =>
        keys.Select(k => new ExportField("profile_" + k, "string", $"The participant's answer to the profile question '{k}'.")).ToList();

    public static async Task WriteSubmissionsAsync(
        IAsyncEnumerable<ProfiledSubmission> rows, IReadOnlyList<string> profileKeys, Pseudonyms pseudonyms, ExportFormat format, Stream output, CancellationToken cancellationToken)
    {
        var fields = SubmissionFields.Concat(ProfileFields(profileKeys)).Select(f => f.Name).ToList();
        var values = new string?[fields.Count];
        await using var sink = Sink.Open(format, output, fields);
        await foreach (var (s, profile) in rows.WithCancellation(cancellationToken))
        {
            values[0] = s.Id;
            values[1] = pseudonyms.For(s.ParticipantId);
            values[2] = s.ReceivedAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
            values[3] = s.Channel;
            values[4] = s.Source.ToString().ToLowerInvariant();
            values[5] = s.Language;
            values[6] = s.Text;
            values[7] = s.Theme;
            values[8] = s.Confidence?.ToString("0.####", CultureInfo.InvariantCulture);
            values[9] = s.LabelSource.ToString().ToLowerInvariant();
            values[10] = s.NeedsReview ? "true" : "false";
            values[11] = s.ModelVersion;
            values[12] = s.ConsentVersion;
            for (var i = 0; i < profileKeys.Count; i++)
                values[13 + i] = profile.TryGetValue(profileKeys[i], out var answer) ? answer : null;
            await sink.WriteAsync(values, [8], [10], cancellationToken);
        }
    }

    public static async Task WritePublicAsync(IReadOnlyList<PublicCounts.Row> rows, ExportFormat format, Stream output, CancellationToken cancellationToken)
    {
        await using var sink = Sink.Open(format, output, PublicFields.Select(f => f.Name).ToList());
        var values = new string?[5];
        foreach (var row in rows)
        {
            values[0] = row.Dimension;
            values[1] = row.Value;
            values[2] = row.Theme;
            values[3] = row.Count?.ToString(CultureInfo.InvariantCulture);
            values[4] = row.Count is null ? "true" : "false";
            await sink.WriteAsync(values, [3], [4], cancellationToken);
        }
    }

    /// <summary>One output format: a header (or opening bracket), rows, and an end.</summary>
    private abstract class Sink(Stream output) : IAsyncDisposable
    {
        private int rows;

        protected Stream Output => output;

        public static Sink Open(ExportFormat format, Stream output, IReadOnlyList<string> fields) =>
            format == ExportFormat.Csv ? new CsvSink(output, fields) : new JsonSink(output, fields);

        /// <summary>Values are text; <paramref name="numbers"/> and <paramref name="booleans"/> say which are not.</summary>
        public async Task WriteAsync(string?[] values, int[] numbers, int[] booleans, CancellationToken cancellationToken)
        {
            Write(values, numbers, booleans);
            if (++rows % FlushEvery == 0)
                await FlushAsync(cancellationToken);
        }

        protected abstract void Write(string?[] values, int[] numbers, int[] booleans);

        protected abstract Task FlushAsync(CancellationToken cancellationToken);

        public abstract ValueTask DisposeAsync();
    }

    private sealed class CsvSink : Sink
    {
        private readonly StreamWriter writer;

        public CsvSink(Stream output, IReadOnlyList<string> fields) : base(output)
        {
            writer = new StreamWriter(output, new UTF8Encoding(false), 64 * 1024, leaveOpen: true) { NewLine = "\r\n" };
            writer.WriteLine(string.Join(',', fields));
        }

        protected override void Write(string?[] values, int[] numbers, int[] booleans)
        {
            for (var i = 0; i < values.Length; i++)
            {
                if (i > 0)
                    writer.Write(',');
                WriteField(values[i]);
            }
            writer.WriteLine();
        }

        private void WriteField(string? value)
        {
            if (string.IsNullOrEmpty(value))
                return;
            if (value.AsSpan().IndexOfAny(",\"\r\n") < 0)
            {
                writer.Write(value);
                return;
            }
            writer.Write('"');
            writer.Write(value.Replace("\"", "\"\"", StringComparison.Ordinal));
            writer.Write('"');
        }

        protected override Task FlushAsync(CancellationToken cancellationToken) => writer.FlushAsync(cancellationToken);

        public override async ValueTask DisposeAsync()
        {
            await writer.FlushAsync();
            await writer.DisposeAsync();
        }
    }

    private sealed class JsonSink : Sink
    {
        private readonly Utf8JsonWriter writer;
        private readonly JsonEncodedText[] names;

        public JsonSink(Stream output, IReadOnlyList<string> fields) : base(output)
        {
            writer = new Utf8JsonWriter(output);
            names = fields.Select(f => JsonEncodedText.Encode(f)).ToArray();
            writer.WriteStartArray();
        }

        protected override void Write(string?[] values, int[] numbers, int[] booleans)
        {
            writer.WriteStartObject();
            for (var i = 0; i < values.Length; i++)
            {
                var value = values[i];
                if (value is null)
                    writer.WriteNull(names[i]);
                else if (Array.IndexOf(numbers, i) >= 0)
                    writer.WriteNumber(names[i], decimal.Parse(value, CultureInfo.InvariantCulture));
                else if (Array.IndexOf(booleans, i) >= 0)
                    writer.WriteBoolean(names[i], value == "true");
                else
                    writer.WriteString(names[i], value);
            }
            writer.WriteEndObject();
        }

        protected override Task FlushAsync(CancellationToken cancellationToken) => writer.FlushAsync(cancellationToken);

        public override async ValueTask DisposeAsync()
        {
            writer.WriteEndArray();
            await writer.FlushAsync();
            await writer.DisposeAsync();
        }
    }
}

/// <summary>A column of an export, as the Frictionless Table Schema describes it.</summary>
public sealed record ExportField(string Name, string Type, string Description);
