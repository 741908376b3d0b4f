/** Every attempt counts, refused ones included; the 429 is the friendly "please wait" page. */
export const authRateLimit = { rateLimit: { max: 10, timeWindow: "1 minute" } };

/** A text field from a posted form, or "" when it is missing or not text. */
export function fieldText(body: unknown, field: string): string {
  const value = (body as Record<string, unknown> | undefined)?.[field];
  return typeof value === "string" ? value : "";
}
