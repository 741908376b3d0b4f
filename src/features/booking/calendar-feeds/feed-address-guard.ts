import { lookup } from "node:dns/promises";
import { isIP } from "node:net";
import { isBlockedAddress } from "./blocked-addresses.ts";
import { calendarFeedMessages as messages } from "./messages.ts";

// Decides whether Haven may fetch a calendar address the therapist pasted, and which IP addresses it may
// connect to. The host is resolved here, once; fetch-feed.ts then connects only to the addresses returned,
// so a name that resolves to a public address now and a private one a moment later (DNS rebinding) cannot
// slip through. Every address the name resolves to must be public: a connection could go to any of them.

export type FeedAddressCheck = { ok: true; url: URL; addresses: string[] } | { ok: false; reason: string };

export type ResolveHost = (host: string) => Promise<string[]>;

export interface FeedAddressGuardOptions {
  /**
   * FOR TESTS ONLY: lets a test reach its own server on 127.0.0.1. Production code never passes it; the name
   * is deliberately loud so that a review catches any use outside a *.test.ts file.
   */
  testOnlyAllowAddress?: (address: string) => boolean;
}

export const resolveWithDns: ResolveHost = async (host) =>
  (await lookup(host, { all: true, verbatim: true })).map((entry) => entry.address);

export async function checkFeedAddress(
  url: string,
  resolve: ResolveHost = resolveWithDns,
  options: FeedAddressGuardOptions = {},
): Promise<FeedAddressCheck> {
  const parsed = parseFeedUrl(url.trim());
  if (!parsed.ok) return parsed;
  const target = parsed.url;
  // URL's hostname keeps an IPv6 literal's brackets; and it has already turned 2130706433, 0x7f.1 and
  // 017700000001 into 127.0.0.1 for http(s) — which is why webcal is re-parsed as https first.
  const host = target.hostname.replace(/^\[(.*)\]$/, "$1");

  let addresses: string[];
  if (isIP(host) !== 0) {
    addresses = [host];
  } else {
    try {
      addresses = await resolve(host);
    } catch {
      return { ok: false, reason: messages.hostNotFound };
    }
    if (addresses.length === 0) return { ok: false, reason: messages.hostNotFound };
  }

  const allowed = (address: string) => options.testOnlyAllowAddress?.(address) === true;
  if (addresses.some((address) => isBlockedAddress(address) && !allowed(address))) {
    return { ok: false, reason: messages.privateNetwork };
  }
  return { ok: true, url: target, addresses };
}

function parseFeedUrl(text: string): { ok: true; url: URL } | { ok: false; reason: string } {
  let url: URL;
  try {
    url = new URL(text);
    // webcal:// (Apple's links) is https by another name. Re-parse rather than change `protocol`: as a
    // non-special scheme its host was read as opaque text, without the normalisation https applies.
    if (url.protocol === "webcal:" || url.protocol === "webcals:") {
      url = new URL(`https:${text.slice(text.indexOf(":") + 1)}`);
    }
  } catch {
    return { ok: false, reason: messages.notAnAddress };
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") {
    return { ok: false, reason: messages.unsupportedScheme };
  }
  if (url.username !== "" || url.password !== "") return { ok: false, reason: messages.credentialsInAddress };
  if (url.hostname === "") return { ok: false, reason: messages.notAnAddress };
  return { ok: true, url };
}
