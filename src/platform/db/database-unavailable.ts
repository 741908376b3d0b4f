/**
 * SQLSTATEs that mean "the database cannot serve us just now", not "this statement is wrong":
 * connection exceptions (08), operator intervention (57: shutdown, a statement timeout), insufficient
 * resources (53: disk full, too many connections), system errors (58), and a transaction ended for
 * idling (25P03).
 */
const unavailableStates = /^(08|53|57|58)|^25P03$/;

/** Network and file-system codes that mean the same from below the database's protocol. */
const unavailableCodes = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ECONNABORTED",
  "ETIMEDOUT",
  "EPIPE",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "ENOTFOUND",
  "EAI_AGAIN",
  "ENOSPC",
  "EDQUOT",
]);

/** node-postgres reports its own connection and timeout failures with messages only. */
const unavailableMessages =
  /Connection terminated|timeout exceeded when trying to connect|Query read timeout|not queryable|Client was closed|Cannot use a pool after calling end|connection timeout/i;

/**
 * Whether an error means the database is unreachable, overloaded or out of space — the request may
 * well succeed in a minute — rather than a fault in Haven or in what was sent. Follows Drizzle's
 * wrapping (the driver's error is the cause).
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && current; depth++) {
    const e = current as { code?: unknown; message?: unknown; errors?: unknown };
    if (typeof e.code === "string" && (unavailableCodes.has(e.code) || isUnavailableState(e.code)))
      return true;
    if (typeof e.message === "string" && unavailableMessages.test(e.message)) return true;
    // Node reports a refused connection to every address of a host as an AggregateError.
    if (Array.isArray(e.errors) && e.errors.some((inner) => isDatabaseUnavailable(inner))) return true;
    current = (current as { cause?: unknown }).cause;
  }
  return false;
}

function isUnavailableState(code: string): boolean {
  return /^[0-9A-Z]{5}$/.test(code) && unavailableStates.test(code);
}

/** Seconds a client is asked to wait before trying again (the `Retry-After` of a 503). */
export const retryAfterSeconds = 30;
