/**
 * Date formatters made once per zone and kind, then reused. Constructing an `Intl.DateTimeFormat` costs tens
 * of microseconds and native memory that the collector frees late, and a week of times formats each time
 * three ways: made per call, they were most of the times page's work and memory under load (record 061).
 * Bounded: zones are a few hundred at most, and when the map is full it starts again.
 */
const held = new Map<string, Intl.DateTimeFormat>();
const maxHeld = 512;

export function dateFormat(
  timeZone: string,
  kind: string,
  options: Omit<Intl.DateTimeFormatOptions, "timeZone">,
  locale = "en-GB",
): Intl.DateTimeFormat {
  const key = `${locale}|${kind}|${timeZone}`;
  let format = held.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, { ...options, timeZone });
    if (held.size >= maxHeld) held.clear();
    held.set(key, format);
  }
  return format;
}
