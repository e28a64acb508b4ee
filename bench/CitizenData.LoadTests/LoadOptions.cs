using System.Globalization;

namespace CitizenData.LoadTests;

public sealed record LoadOptions(int Updates, int Residents, int Concurrency)
{
    public static LoadOptions Parse(string[] args)
    {
        int Get(string name, int fallback)
        {
            var i = Array.IndexOf(args, name);
            return i >= 0 && i + 1 < args.Length ? int.Parse(args[i + 1], CultureInfo.InvariantCulture) : fallback;
        }
        return new LoadOptions(Get("--updates", 20_000), Get("--residents", 500), Get("--concurrency", 32));
    }
}
