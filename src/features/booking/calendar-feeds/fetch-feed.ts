import { once } from "node:events";
import { request as httpRequest, type IncomingMessage, STATUS_CODES } from "node:http";
import { request as httpsRequest } from "node:https";
import { isIP, type LookupFunction } from "node:net";
import { checkFeedAddress, type FeedAddressGuardOptions, type ResolveHost } from "./feed-address-guard.ts";
import { calendarFeedMessages as messages } from "./messages.ts";
import { readFeedBody } from "./read-feed-body.ts";

// Fetches a therapist's calendar feed: every address (the first and each redirect's) passes the guard, and
// the connection goes only to the IP addresses the guard approved — Node's own DNS lookup is replaced by
// one that returns them — while TLS (SNI, certificate check) and the Host header still use the real name.
// One deadline covers the whole fetch. No cookies are kept or sent, and nothing but a plain User-Agent
// says who is asking. Errors come back as sentences the therapist can act on, never as exceptions.

export interface FetchFeedOptions extends FeedAddressGuardOptions {
  /** The whole fetch, redirects and body included. */
  timeoutMs?: number;
  /** Largest body accepted, counted after decompression. */
  maxBytes?: number;
  maxRedirects?: number;
  /** How host names are resolved (DNS by default); tests pass their own. */
  resolve?: ResolveHost;
}

export type FetchFeedResult = { ok: true; text: string } | { ok: false; error: string };

export const fetchFeedDefaults = { timeoutMs: 15_000, maxBytes: 5 * 1024 * 1024, maxRedirects: 3 };

const REDIRECTS = new Set([301, 302, 303, 307, 308]);

type Hop = { kind: "redirect"; location: string } | { kind: "done"; result: FetchFeedResult };

export async function fetchFeed(url: string, options: FetchFeedOptions = {}): Promise<FetchFeedResult> {
  const settings = { ...fetchFeedDefaults, ...options };
  const deadline = AbortSignal.timeout(settings.timeoutMs);
  let current = url;
  try {
    for (let redirects = 0; ; redirects += 1) {
      const check = await untilAborted(checkFeedAddress(current, settings.resolve, options), deadline);
      if (!check.ok) return { ok: false, error: check.reason };
      const hop = await fetchOnce(check.url, check.addresses, settings.maxBytes, deadline);
      if (hop.kind === "done") return hop.result;
      if (redirects >= settings.maxRedirects) return { ok: false, error: messages.tooManyRedirects };
      if (!URL.canParse(hop.location, check.url)) return { ok: false, error: messages.badRedirect };
      current = new URL(hop.location, check.url).href;
    }
  } catch (error) {
    if (deadline.aborted) return { ok: false, error: messages.tooSlow };
    return { ok: false, error: connectionErrorMessage(error) };
  }
}

async function fetchOnce(url: URL, addresses: string[], maxBytes: number, signal: AbortSignal): Promise<Hop> {
  const host = url.hostname.replace(/^\[(.*)\]$/, "$1");
  const request = (url.protocol === "https:" ? httpsRequest : httpRequest)({
    hostname: host,
    port: url.port === "" ? undefined : Number(url.port),
    path: `${url.pathname}${url.search}`,
    method: "GET",
    headers: {
      "user-agent": "Haven calendar import",
      accept: "text/calendar, text/plain;q=0.9, */*;q=0.1",
      "accept-encoding": "gzip",
      connection: "close",
    },
    agent: false, // a fresh connection each time: no socket reused from an earlier, differently-vetted fetch
    lookup: pinnedLookup(addresses),
    ...(isIP(host) === 0 ? { servername: host } : {}),
    signal,
  });
  request.on("error", () => {}); // `once` below reports errors; this keeps a late one from going uncaught
  request.end();
  const [response] = (await once(request, "response")) as [IncomingMessage];
  const status = response.statusCode ?? 0;

  if (REDIRECTS.has(status)) {
    response.destroy();
    const location = response.headers.location;
    return location
      ? { kind: "redirect", location }
      : { kind: "done", result: { ok: false, error: messages.redirectWithoutTarget } };
  }
  if (status < 200 || status > 299) {
    response.destroy();
    return { kind: "done", result: { ok: false, error: messages.httpStatus(status, reasonPhrase(status)) } };
  }
  const body = await readFeedBody(response, maxBytes);
  if (body.kind === "body") return { kind: "done", result: { ok: true, text: body.text } };
  const error =
    body.kind === "too-large"
      ? messages.tooLarge(sizeLabel(maxBytes))
      : body.kind === "unknown-encoding"
        ? messages.unknownEncoding
        : messages.unreadable;
  return { kind: "done", result: { ok: false, error } };
}

/** A DNS lookup that can only answer with the addresses the guard approved. */
export function pinnedLookup(addresses: string[]): LookupFunction {
  const entries = addresses.map((address) => ({ address, family: isIP(address) }));
  return (_hostname, options, callback) => {
    const family = options.family === "IPv4" ? 4 : options.family === "IPv6" ? 6 : (options.family ?? 0);
    const wanted = entries.filter((entry) => family === 0 || entry.family === family);
    const first = wanted[0];
    if (options.all) callback(null, wanted);
    else if (first) callback(null, first.address, first.family);
    else callback(Object.assign(new Error("No approved address for this family"), { code: "ENOTFOUND" }), "");
  };
}

function sizeLabel(bytes: number): string {
  const megabytes = bytes / 1024 / 1024;
  return megabytes >= 1 ? `${Math.round(megabytes * 10) / 10} MB` : `${Math.ceil(bytes / 1024)} KB`;
}

/** "Not Found" → "Not found", to sit inside a sentence. */
function reasonPhrase(status: number): string {
  const phrase = STATUS_CODES[status] ?? "";
  return phrase.charAt(0) + phrase.slice(1).toLowerCase();
}

function untilAborted<T>(work: Promise<T>, signal: AbortSignal): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const stop = () => reject(signal.reason);
    if (signal.aborted) return stop();
    signal.addEventListener("abort", stop, { once: true });
    work.then(resolve, reject).finally(() => signal.removeEventListener("abort", stop));
  });
}

function connectionErrorMessage(error: unknown): string {
  const code = error instanceof Error && "code" in error ? String(error.code) : "";
  return /CERT|SELF_SIGNED|ERR_TLS|UNABLE_TO_VERIFY|UNABLE_TO_GET_ISSUER/.test(code)
    ? messages.certificateProblem
    : messages.couldNotConnect;
}
