// A dependency-free reference page rendered from the OpenAPI document, so /docs works offline
// and behind strict CSPs (no CDN scripts).

interface Operation {
  summary?: string;
  description?: string;
  tags?: string[];
  parameters?: {
    name: string;
    in: string;
    required?: boolean;
    description?: string;
    schema?: unknown;
  }[];
  responses?: Record<string, { description?: string; content?: Record<string, unknown> }>;
  requestBody?: { content?: Record<string, unknown> };
}

interface Document {
  info: { title: string; version: string; description?: string };
  paths?: Record<string, Record<string, Operation>>;
}

function esc(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
}

function schemaSummary(schema: unknown): string {
  if (!schema || typeof schema !== "object") return "";
  const s = schema as { type?: unknown; enum?: unknown[]; anyOf?: unknown[]; items?: unknown };
  if (Array.isArray(s.enum)) return s.enum.map(String).join(" | ");
  if (typeof s.type === "string")
    return s.type === "array" ? `${schemaSummary(s.items) || "value"}[]` : s.type;
  if (Array.isArray(s.anyOf)) return s.anyOf.map(schemaSummary).filter(Boolean).join(" | ");
  return "";
}

const METHODS = ["get", "post", "put", "patch", "delete"] as const;

/** The page's stylesheet, served as a file so the CSP needs no 'unsafe-inline' for styles. */
export const DOCS_STYLESHEET = `body{font:16px/1.5 system-ui,sans-serif;max-width:60rem;margin:0 auto;padding:1rem;color:#111}
code{background:#f2f2f2;padding:0 .2em}.m{display:inline-block;min-width:4em;font-weight:700;color:#0b5394}
table{border-collapse:collapse;width:100%}th,td{border:1px solid #bbb;padding:.25em .5em;text-align:left;vertical-align:top}
caption{text-align:left;font-weight:600}section{border-top:1px solid #ddd;margin-top:1.5rem}
`;

/** Renders the operations of an OpenAPI document as one accessible HTML page, styled by `styleUrl`. */
export function renderDocsPage(
  document: { info: Document["info"] },
  specUrl: string,
  styleUrl: string,
): string {
  const doc = document as Document;
  const ops = Object.entries(doc.paths ?? {}).flatMap(([path, item]) =>
    METHODS.filter((m) => item[m]).map((m) => ({ path, method: m, op: item[m] as Operation })),
  );
  const sections = ops
    .map(({ path, method, op }) => {
      const params = (op.parameters ?? [])
        .map(
          (p) =>
            `<tr><td><code>${esc(p.name)}</code></td><td>${esc(p.in)}</td><td>${p.required ? "yes" : "no"}</td><td>${esc(schemaSummary(p.schema))}</td><td>${esc(p.description ?? "")}</td></tr>`,
        )
        .join("");
      const responses = Object.entries(op.responses ?? {})
        .map(
          ([status, r]) =>
            `<li><strong>${esc(status)}</strong> ${esc(r.description ?? "")} <small>${esc(Object.keys(r.content ?? {}).join(", "))}</small></li>`,
        )
        .join("");
      const body = op.requestBody?.content
        ? `<p>Body: ${esc(Object.keys(op.requestBody.content).join(", "))}</p>`
        : "";
      return `<section aria-labelledby="${esc(method + path)}">
<h2 id="${esc(method + path)}"><span class="m">${method.toUpperCase()}</span> <code>${esc(path)}</code></h2>
${op.summary ? `<p>${esc(op.summary)}</p>` : ""}${op.description ? `<p>${esc(op.description)}</p>` : ""}
${params ? `<table><caption>Parameters</caption><thead><tr><th scope="col">Name</th><th scope="col">In</th><th scope="col">Required</th><th scope="col">Type</th><th scope="col">Description</th></tr></thead><tbody>${params}</tbody></table>` : ""}
${body}<h3>Responses</h3><ul>${responses}</ul></section>`;
    })
    .join("\n");
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(doc.info.title)} reference</title>
<link rel="stylesheet" href="${esc(styleUrl)}"></head>
<body><main><h1>${esc(doc.info.title)} <small>${esc(doc.info.version)}</small></h1>
${doc.info.description ? `<p>${esc(doc.info.description)}</p>` : ""}
<p>Machine-readable: <a href="${esc(specUrl)}">${esc(specUrl)}</a> (OpenAPI 3.1). Errors are RFC 9457 <code>application/problem+json</code>.</p>
${sections}</main></body></html>`;
}
