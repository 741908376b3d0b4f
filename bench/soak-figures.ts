// The pure half of the soak benchmark (bench/soak.ts): what a page says about the booking it answers,
// the fields a form posts back, and the figures the run prints. No I/O here, so it is tested as a unit
// (test/bench/soak-figures.test.ts).

/** The kinds of request the soak sends, in the order its report lists them. */
export const soakKinds = [
  "article",
  "times page",
  "self-check",
  "self-check result",
  "booking form",
  "booking post",
  "cancel page",
  "cancel post",
] as const;
export type SoakKind = (typeof soakKinds)[number];

/**
 * What one answer meant. "taken" is a race lost to another visitor (the time went between the page and
 * the press): the page a person is meant to see then, counted apart and never as an error.
 */
export type Outcome = "ok" | "booked" | "taken" | "error";

// Words of the pages a lost race is answered with (booking/visitor/messages.ts: justTaken and noLongerFree).
const justTaken = "booked that time a moment ago";
const noLongerFree = "That time is no longer free";

/** The booking form (GET /book/details): the form, or the times page again when the time has gone. */
export function formOutcome(status: number, body: string): Outcome {
  if (status === 200) return "ok";
  if (status === 409 && body.includes(noLongerFree)) return "taken";
  return "error";
}

/** The booking itself (POST /book): a redirect to the booking's page, or the form again saying "just taken". */
export function bookingOutcome(status: number, body: string): Outcome {
  if (status === 303) return "booked";
  if (status === 409 && (body.includes(justTaken) || body.includes(noLongerFree))) return "taken";
  return "error";
}

/** A cancellation (POST /book/manage/:token/cancel): a redirect to the booking's page saying it is cancelled. */
export function cancelOutcome(status: number, location: string | null): Outcome {
  return status === 303 && location?.includes("notice=cancelled") ? "ok" : "error";
}

/** The booking's own page, from the redirect a booking answers with: its path, without the notice. */
export function managePath(location: string | null): string | undefined {
  const path = location?.split("?")[0];
  return path && /^\/book\/manage\/[^/]+$/.test(path) ? path : undefined;
}

/**
 * The soak's diary (record 071): the manage pages of the bookings it made, oldest first. Past `size`, the
 * oldest is handed back to be cancelled, so the diary holds what a practice's holds however long the run.
 * `size` Infinity keeps every booking (`--fill`): the diary fills as a year of times is taken.
 */
export class SoakDiary {
  private readonly held: string[] = [];
  constructor(readonly size: number) {}

  /** Notes a booking; returns the one to cancel now, if the diary is past its size. */
  booked(path: string): string | undefined {
    this.held.push(path);
    return this.held.length > this.size ? this.held.shift() : undefined;
  }

  get count(): number {
    return this.held.length;
  }
}

const unescapeHtml = (text: string) =>
  text
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&");

/** Every "choose this time" link of a times page, as paths to request. */
export function detailsLinks(html: string): string[] {
  return [...html.matchAll(/href="(\/book\/details\?[^"]+)"/g)].map((m) => unescapeHtml(m[1] as string));
}

/** The hidden fields of the form posting to `action` (its CSRF token, the chosen time, the submission id). */
export function hiddenFields(html: string, action: string): Record<string, string> {
  const start = html.indexOf(`action="${action}"`);
  if (start < 0) return {};
  const end = html.indexOf("</form>", start);
  const form = html.slice(start, end < 0 ? undefined : end);
  const fields: Record<string, string> = {};
  for (const input of form.matchAll(/<input\b[^>]*>/g)) {
    const tag = input[0];
    if (!/type="hidden"/.test(tag)) continue;
    const name = /name="([^"]*)"/.exec(tag)?.[1];
    const value = /value="([^"]*)"/.exec(tag)?.[1] ?? "";
    if (name) fields[unescapeHtml(name)] = unescapeHtml(value);
  }
  return fields;
}

/** The value at fraction `p` of sorted values (nearest rank); 0 when there are none. */
export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))] as number;
}

export type KindFigures = { count: number; p50: number; p99: number; errors: number; taken: number };

/** Latencies (ms) and outcomes of one kind, summed up. */
export function kindFigures(latencies: number[], outcomes: Outcome[]): KindFigures {
  const sorted = [...latencies].sort((a, b) => a - b);
  return {
    count: latencies.length,
    p50: percentile(sorted, 0.5),
    p99: percentile(sorted, 0.99),
    errors: outcomes.filter((o) => o === "error").length,
    taken: outcomes.filter((o) => o === "taken").length,
  };
}

/** One reading every 30 s: how far in, the server's resident memory, requests/s since the last, load. */
export type Sample = { second: number; rssMb: number; rps: number; load: number };

/**
 * Whether memory was flat after the warm-up: the growth from the first reading at or after `warmUpSeconds`
 * to the last one taken under load, and the highest reading after the warm-up.
 */
export function memoryAfterWarmUp(
  samples: Sample[],
  warmUpSeconds: number,
): { fromMb: number; toMb: number; growthMb: number; peakMb: number } | undefined {
  const after = samples.filter((s) => s.second >= warmUpSeconds);
  const first = after[0];
  const last = after.at(-1);
  if (!first || !last) return undefined;
  return {
    fromMb: first.rssMb,
    toMb: last.rssMb,
    growthMb: last.rssMb - first.rssMb,
    peakMb: Math.max(...after.map((s) => s.rssMb)),
  };
}
