/**
 * The origins allowed to frame Haven's embed pages (`HAVEN_EMBED_ORIGINS`, record 041), checked at start.
 * Each entry becomes a CSP source expression, so only a plain origin passes: a scheme, a host and perhaps a
 * port, nothing that could widen the policy or add a directive.
 */

const loopbackHosts = new Set(["localhost", "127.0.0.1", "[::1]"]);
/** Letters, digits, hyphens and dots (IDNs arrive as punycode), or a bracketed IPv6 address. */
const plainHost = /^(\[[0-9a-f:.]+\]|[a-z0-9-]+(\.[a-z0-9-]+)*)$/;

const expected = "an origin such as https://www.example-practice.org (no path, wildcard or quotes)";

/** One entry as an origin, or the reason it is refused. */
function originOf(entry: string): { origin: string } | { problem: string } {
  let url: URL;
  try {
    url = new URL(entry);
  } catch {
    return { problem: `"${entry}" is not ${expected}` };
  }
  if (url.protocol !== "https:" && url.protocol !== "http:")
    return { problem: `"${entry}" is not ${expected}` };
  if (
    url.username ||
    url.password ||
    url.pathname !== "/" ||
    url.search ||
    url.hash ||
    entry.endsWith("?") ||
    entry.endsWith("#") ||
    !plainHost.test(url.hostname)
  )
    return { problem: `"${entry}" is not ${expected}` };
  if (url.protocol === "http:" && !loopbackHosts.has(url.hostname))
    return {
      problem: `"${entry}" is plain http on a public host; use https:// (a page that is not encrypted could be altered to frame the booking page)`,
    };
  return { origin: url.origin };
}

/** Comma-separated origins → distinct origins, or every entry that is not one (each named). */
export function parseFrameOrigins(text: string | undefined): { origins: string[]; problems: string[] } {
  const origins: string[] = [];
  const problems: string[] = [];
  for (const entry of (text ?? "").split(",").map((e) => e.trim())) {
    if (entry === "") continue;
    const result = originOf(entry);
    if ("problem" in result) problems.push(result.problem);
    else if (!origins.includes(result.origin)) origins.push(result.origin);
  }
  return { origins, problems };
}
