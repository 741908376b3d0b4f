import { Temporal } from "temporal-polyfill";

/**
 * How a date is typed in the practice's country: day-month-year (24/12/2026), month-day-year (12/24/2026)
 * or year-month-day (2026-12-24). Browsers' own date inputs follow the browser's language, not the
 * practice's, so a British therapist on an American-language browser saw mm/dd/yyyy (issue 16): a text
 * field with the format in its hint says the same to everyone.
 */
export type DateInputFormat = { order: "dmy" | "mdy" | "ymd"; separator: string };

const iso: DateInputFormat = { order: "ymd", separator: "-" };

/** The order the practice's locale writes a short date in; the country fills in a locale without a region. */
export function dateInputFormat(practice: { locale: string; country: string }): DateInputFormat {
  try {
    const locale = new Intl.Locale(practice.locale);
    const tag = locale.region ? practice.locale : `${locale.language}-${practice.country}`;
    const parts = new Intl.DateTimeFormat(tag, {
      day: "2-digit",
      month: "2-digit",
      year: "numeric",
      timeZone: "UTC",
    }).formatToParts(Date.UTC(2026, 11, 24));
    const fields = parts.filter((part) => ["day", "month", "year"].includes(part.type));
    const order = fields.map((part) => part.type[0]).join("");
    // Year first (Sweden, Japan, Korea…) is written the international way, which every reader knows.
    if (order !== "dmy" && order !== "mdy") return iso;
    const literal = parts.find((part) => part.type === "literal")?.value.trim() ?? "";
    return { order, separator: ["/", ".", "-"].includes(literal) ? literal : "/" };
  } catch {
    return iso; // a locale Intl does not know: the unambiguous format
  }
}

/** A calendar date ("2026-12-24") as the practice types it, to show a stored date in its field. */
export function formatDateInput(isoDate: string, format: DateInputFormat): string {
  const [year = "", month = "", day = ""] = isoDate.split("-");
  const ordered = { dmy: [day, month, year], mdy: [month, day, year], ymd: [year, month, day] }[format.order];
  return ordered.join(format.separator);
}

/** The example a hint and a message give: Christmas Eve, whose day cannot be mistaken for a month. */
export const dateInputExample = (format: DateInputFormat) => formatDateInput("2026-12-24", format);

export type ParsedDate =
  | { ok: true; isoDate: string }
  | { ok: false; problem: "empty" }
  | { ok: false; problem: "unreadable" }
  | { ok: false; problem: "no-such-day"; day: number; month: number; year: number };

/**
 * What was typed, read in the practice's format or as an ISO date (2026-12-24, which a browser's autofill
 * or an older form may send). Any of / . - or spaces may separate the parts; the year is written in full,
 * since 24/12/26 could be 1926 or 2026.
 */
export function parseDateInput(text: string, format: DateInputFormat): ParsedDate {
  const typed = text.trim().replace(/\.$/, "");
  if (typed === "") return { ok: false, problem: "empty" };
  const parts = typed.split(/\s*[/.-]\s*|\s+/);
  if (parts.length !== 3 || !parts.every((part) => /^\d{1,4}$/.test(part))) {
    return { ok: false, problem: "unreadable" };
  }
  const [a = "", b = "", c = ""] = parts;
  const yearFirst = a.length === 4;
  const order = yearFirst ? "ymd" : format.order;
  if (order === "ymd" && !yearFirst) return { ok: false, problem: "unreadable" };
  const [yearText, monthText, dayText] =
    order === "ymd" ? [a, b, c] : order === "dmy" ? [c, b, a] : [c, a, b];
  if (yearText.length !== 4 || monthText.length > 2 || dayText.length > 2) {
    return { ok: false, problem: "unreadable" };
  }
  const [year, month, day] = [Number(yearText), Number(monthText), Number(dayText)];
  // No date Haven keeps is older than 1900, and a year such as 0000 is one the database cannot store.
  if (year < 1900) return { ok: false, problem: "unreadable" };
  if (month < 1 || month > 12) return { ok: false, problem: "unreadable" };
  try {
    const date = Temporal.PlainDate.from({ year, month, day }, { overflow: "reject" });
    return { ok: true, isoDate: date.toString() };
  } catch {
    return { ok: false, problem: "no-such-day", day, month, year };
  }
}
