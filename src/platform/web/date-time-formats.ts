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

/** The few ways Haven writes a date or a moment on a page, each one name for one format. */
export const dates = {
  /** "7 December 2026" */
  long: (date: Date, timeZone: string) =>
    dateTimeFormat("long-date", timeZone, { day: "numeric", month: "long", year: "numeric" }).format(date),
  /** "7 December" */
  dayAndMonth: (date: Date, timeZone: string) =>
    dateTimeFormat("day-and-month", timeZone, { day: "numeric", month: "long" }).format(date),
  /** "7 Dec" */
  shortDayAndMonth: (date: Date, timeZone: string) =>
    dateTimeFormat("short-day-and-month", timeZone, { day: "numeric", month: "short" }).format(date),
  /** "7 Dec 2026, 20:09" */
  mediumMoment: (date: Date, timeZone: string) =>
    dateTimeFormat("medium-moment", timeZone, { dateStyle: "medium", timeStyle: "short" }).format(date),
  /** "7 December 2026 at 20:09" */
  longMoment: (date: Date, timeZone: string) =>
    dateTimeFormat("long-moment", timeZone, { dateStyle: "long", timeStyle: "short" }).format(date),
};
