using System.Globalization;
using CitizenData.Bot.Localisation;

namespace CitizenData.Bot.Admin.Dashboard;

/// <summary>
/// The dashboard's words in the language of this request: <c>?lang=</c> (remembered in a cookie), else the cookie,
/// else the browser's <c>Accept-Language</c>, else English. Pages use it as <c>@L["review.title"]</c> or
/// <c>@L.Format("overview.inputs", count)</c>.
/// </summary>
public sealed class DashboardLocaliser
{
    public const string CookieName = "citizendata.lang";
    public const string QueryName = "lang";

    private readonly DashboardTexts texts;

    public DashboardLocaliser(DashboardTexts texts, IHttpContextAccessor accessor)
    {
        ArgumentNullException.ThrowIfNull(accessor);
        this.texts = texts;
        Language = Resolve(texts, accessor.HttpContext);
        Culture = TextCatalogue.CultureFor(Language);
    }

    /// <summary>The language code of this request ("en", "sw", …).</summary>
    public string Language { get; }

    /// <summary>For numbers and dates in this language.</summary>
    public CultureInfo Culture { get; }

    public IReadOnlyList<string> Languages => texts.Languages;

    public string this[string key] => texts.Get(Language, key);

    public string Format(string key, params object?[] args) => texts.Get(Language, key, args);

    /// <summary>A language's own name, for the language picker.</summary>
    public string NameOf(string language) => texts.Get(language, "layout.language_name");

    /// <summary>A channel's name as staff know it ("Web chat" for directline); an unknown channel shows its code.</summary>
    public string ChannelName(string channel) => texts.Catalogue.Has("channel." + channel) ? this["channel." + channel] : channel;

    /// <summary>A number in this language's conventions (e.g. 1,234 or 1.234).</summary>
    public string Number(double value, string format = "N0") => value.ToString(format, Culture);

    /// <summary>A share (0–1) as a percentage.</summary>
    public string Percent(double share) => share.ToString("P0", Culture);

    private static string Resolve(DashboardTexts texts, HttpContext? context)
    {
        if (context is null)
            return DashboardTexts.DefaultLanguage;
        var asked = context.Request.Query[QueryName].ToString();
        if (texts.Supports(asked))
        {
            context.Response.Cookies.Append(CookieName, asked, new CookieOptions
            {
                HttpOnly = true,
                SameSite = SameSiteMode.Lax,
                MaxAge = TimeSpan.FromDays(365),
                IsEssential = true,
            });
            return asked.ToLowerInvariant();
        }
        if (context.Request.Cookies.TryGetValue(CookieName, out var remembered) && texts.Supports(remembered))
            return remembered.ToLowerInvariant();
        var accepted = context.Request.GetTypedHeaders().AcceptLanguage
            .OrderByDescending(l => l.Quality ?? 1)
            .Select(l => l.Value.Value?.Split('-')[0].ToLowerInvariant())
            .FirstOrDefault(texts.Supports);
        return accepted ?? DashboardTexts.DefaultLanguage;
    }
}
