/**
 * Intl.DateTimeFormat objects, made once per style and zone and then reused. Making one costs far more than
 * formatting with it (a page listing a week of times or a busy day of notices made hundreds), and a format
 * holds no state between calls, so sharing is safe. The zones are the few a practice and its visitors use;
 * the cap only guards against a stream of unusual zones growing the map without end.
 */
const formats = new Map<string, Intl.DateTimeFormat>();
const mostKept = 2000;

/**
 * The format for `style` in `timeZone` (en-GB unless another locale is named). Each style is one fixed set
 * of options: callers name it once beside the options (see `dayHeading` in booking/messages.ts), so one
 * name never means two formats.
 */
export function dateTimeFormat(
  style: string,
  timeZone: string,
  options: Omit<Intl.DateTimeFormatOptions, "timeZone">,
  locale = "en-GB",
): Intl.DateTimeFormat {
  const key = `${locale} ${style} ${timeZone}`;
  const known = formats.get(key);
  if (known) return known;
  // Made before it is kept: an unknown zone throws here and leaves nothing behind.
  const format = new Intl.DateTimeFormat(locale, { ...options, timeZone });
  if (formats.size >= mostKept) formats.clear();
  formats.set(key, format);
  return format;
}
