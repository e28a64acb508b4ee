using Microsoft.OpenApi;

namespace CitizenData.Bot.Admin.Reference;

/// <summary>
/// The OpenAPI description at <c>/openapi/v1.json</c> (with the two ways staff authenticate) and a browsable reference
/// page at <c>/openapi</c>, rendered in the browser from that document by a few lines of our own script: no CDN, no
/// fetched files.
/// </summary>
public static class ApiReference
{
    public const string PagePath = "/openapi";

    public static IServiceCollection AddApiReference(this IServiceCollection services) =>
        services.AddOpenApi(options => options.AddDocumentTransformer((document, _, _) =>
        {
            document.Info = new OpenApiInfo
            {
                Title = "CitizenData admin API",
                Version = "v1",
                Description = "For CSO staff and their machines. Authenticate with `Authorization: Bearer <api key>` or the dashboard's login cookie. "
                    + "Errors are RFC 9457 problem details; validation problems name the field.",
            };
            document.Components ??= new OpenApiComponents();
            document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
            document.Components.SecuritySchemes["apiKey"] = new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.Http,
                Scheme = "bearer",
                Description = "An API key created by an admin (POST /api/admin/api-keys), scoped to one role.",
            };
            document.Components.SecuritySchemes["loginCookie"] = new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.ApiKey,
                In = ParameterLocation.Cookie,
                Name = Auth.StaffAuthentication.CookieName,
                Description = "Set by POST /api/admin/login (a form with the antiforgery token from GET /api/admin/antiforgery).",
            };
            return Task.CompletedTask;
        }));

    public static IEndpointRouteBuilder MapApiReference(this IEndpointRouteBuilder app)
    {
        app.MapOpenApi();
        app.MapGet(PagePath, () => TypedResults.Content(Page, "text/html; charset=utf-8")).ExcludeFromDescription();
        return app;
    }

    private const string Page = """
        <!doctype html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>CitizenData admin API</title>
        <style>
          body { font: 15px/1.5 system-ui, sans-serif; margin: 2rem auto; max-width: 60rem; padding: 0 1rem; color: #1b1b1b; }
          h1 { font-size: 1.6rem; } h2 { font-size: 1.1rem; margin-top: 2rem; border-bottom: 1px solid #ddd; }
          .op { margin: .75rem 0; padding: .5rem .75rem; border-left: 4px solid #888; background: #f7f7f7; }
          .GET { border-color: #2f7ed8; } .POST { border-color: #2e9e44; } .PUT { border-color: #c98a00; } .DELETE { border-color: #c0392b; }
          code { font-size: .95em; } .method { font-weight: 700; display: inline-block; width: 4.5rem; }
          table { border-collapse: collapse; margin: .25rem 0; } td, th { padding: .1rem .6rem .1rem 0; text-align: left; vertical-align: top; }
          .muted { color: #666; }
        </style>
        </head>
        <body>
        <h1>CitizenData admin API</h1>
        <p>Machine-readable description: <a href="/openapi/v1.json">/openapi/v1.json</a>.</p>
        <div id="doc"><p class="muted">Loading…</p></div>
        <script>
        (async () => {
          const doc = await (await fetch('/openapi/v1.json')).json();
          const root = document.getElementById('doc');
          const esc = s => String(s ?? '').replace(/[&<>"]/g, c => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' }[c]));
          const ref = s => s && s.$ref ? s.$ref.split('/').pop() : (s && s.type) || '';
          let html = `<p>${esc(doc.info && doc.info.description)}</p>`;
          const groups = {};
          for (const [path, item] of Object.entries(doc.paths || {}))
            for (const [method, op] of Object.entries(item))
              if (typeof op === 'object' && op.responses) (groups[(op.tags || ['other'])[0]] ||= []).push({ path, method: method.toUpperCase(), op });
          for (const [tag, ops] of Object.entries(groups)) {
            html += `<h2>${esc(tag)}</h2>`;
            for (const { path, method, op } of ops) {
              html += `<div class="op ${method}"><span class="method">${method}</span><code>${esc(path)}</code>`;
              if (op.summary || op.description) html += `<div>${esc(op.summary || op.description)}</div>`;
              const params = op.parameters || [];
              if (params.length) html += '<table><tr><th>parameter</th><th>in</th><th>type</th></tr>' +
                params.map(p => `<tr><td><code>${esc(p.name)}</code></td><td>${esc(p.in)}</td><td>${esc(ref(p.schema))}</td></tr>`).join('') + '</table>';
              const body = op.requestBody && op.requestBody.content;
              if (body) html += `<div>body: ${Object.entries(body).map(([t, c]) => `<code>${esc(t)}</code> ${esc(ref(c.schema))}`).join(', ')}</div>`;
              html += `<div class="muted">responses: ${Object.keys(op.responses).map(esc).join(', ')}</div></div>`;
            }
          }
          const schemas = (doc.components && doc.components.schemas) || {};
          html += '<h2>schemas</h2>';
          for (const [name, s] of Object.entries(schemas)) {
            html += `<div class="op"><b>${esc(name)}</b>`;
            if (s.properties) html += '<table>' + Object.entries(s.properties).map(([p, v]) => `<tr><td><code>${esc(p)}</code></td><td>${esc(ref(v) || (v.items ? ref(v.items) + '[]' : ''))}</td></tr>`).join('') + '</table>';
            html += '</div>';
          }
          root.innerHTML = html;
        })().catch(e => { document.getElementById('doc').textContent = 'Could not load /openapi/v1.json: ' + e; });
        </script>
        </body>
        </html>
        """;
}
