using CitizenData.Bot.Broadcasts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CitizenData.Bot.Admin.Dashboard.Pages.Broadcasts;

/// <summary>
/// The approve button's target. Approvers only, by policy: an analyst's request is refused by the authorization
/// pipeline (403) before any of this runs. Approves with the same code as the admin API (audited; wakes the worker).
/// </summary>
[Authorize(Policy = StaffRoles.Approver)]
public sealed class ApproveModel(StaffBroadcasts staff) : PageModel
{
    public string BroadcastId { get; private set; } = string.Empty;

    /// <summary>The text key of why it was not approved.</summary>
    public string Refusal { get; private set; } = string.Empty;

    public IActionResult OnGet(string id) => Redirect(DashboardPaths.Broadcast(id));

    public async Task<IActionResult> OnPostAsync(string id)
    {
        BroadcastId = id;
        switch (await staff.ApproveAsync(id, User, HttpContext.RequestAborted))
        {
            case ApprovalOutcome.Approved:
                return Redirect(DashboardPaths.Broadcast(id));
            case ApprovalOutcome.NotADraft:
                return Refused("broadcasts.not_a_draft", StatusCodes.Status409Conflict);
            case ApprovalOutcome.OwnDraft:
                return Refused("broadcasts.own_draft", StatusCodes.Status403Forbidden);
            default:
                return NotFound();
        }
    }

    private PageResult Refused(string refusal, int status)
    {
        Refusal = refusal;
        var page = Page();
        page.StatusCode = status;
        return page;
    }
}
