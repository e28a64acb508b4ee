using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CitizenData.Bot.Admin.Dashboard.Pages;

/// <summary>What a dashboard answer without a page of its own (403, 404…) shows; the status code itself is kept.</summary>
// Nothing here changes anything, and a POST arrives here only re-executed from a refused request.
[IgnoreAntiforgeryToken]
public sealed class StatusModel : PageModel
{
    public string TitleKey { get; private set; } = "status.error";

    public void OnGet(int? status) => TitleKey = status switch
    {
        StatusCodes.Status403Forbidden => "status.forbidden",
        StatusCodes.Status404NotFound => "status.not_found",
        _ => "status.error",
    };

    // A re-executed POST (a form a role may not send) lands here as a POST.
    public void OnPost(int? status) => OnGet(status);
}
