using System.Globalization;

namespace CitizenData.Bot.Cli;

/// <summary>A command's <c>--name value</c> options and <c>--flag</c>s; anything it does not ask for is an error.</summary>
internal sealed class CliOptions
{
    private readonly Dictionary<string, string> values = new(StringComparer.Ordinal);
    private readonly HashSet<string> flags = new(StringComparer.Ordinal);
    private readonly HashSet<string> asked = new(StringComparer.Ordinal);

    public static CliOptions Parse(IReadOnlyList<string> args, IReadOnlyCollection<string> flags)
    {
        var options = new CliOptions();
        for (var i = 0; i < args.Count; i++)
        {
            var name = args[i];
            if (!name.StartsWith("--", StringComparison.Ordinal))
                throw new CliException($"Unexpected argument '{name}'.");
            if (flags.Contains(name))
            {
                options.flags.Add(name);
                continue;
            }
            if (i + 1 >= args.Count || args[i + 1].StartsWith("--", StringComparison.Ordinal))
                throw new CliException($"{name} needs a value.");
            options.values[name] = args[++i];
        }
        return options;
    }

    public string? Value(string name)
    {
        asked.Add(name);
        return values.GetValueOrDefault(name);
    }

    public bool Flag(string name)
    {
        asked.Add(name);
        return flags.Contains(name);
    }

    public int? Int(string name) => Value(name) is { } text
        ? int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : throw new CliException($"{name} must be a whole number.")
        : null;

    public double? Double(string name) => Value(name) is { } text
        ? double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) ? value : throw new CliException($"{name} must be a number.")
        : null;

    /// <summary>Call after reading every option the command knows.</summary>
    public void ThrowOnUnknown()
    {
        var unknown = values.Keys.Concat(flags).FirstOrDefault(n => !asked.Contains(n));
        if (unknown is not null)
            throw new CliException($"Unknown option '{unknown}'.");
    }
}

/// <summary>A usage error: printed with its message, exit code 2.</summary>
internal sealed class CliException(string message) : Exception(message);
