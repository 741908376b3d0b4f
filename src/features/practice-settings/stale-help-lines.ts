import { Temporal } from "temporal-polyfill";
import { type HelpLineRow, helpLineRows } from "./help-line-edits.ts";
import type { CountryHelp } from "./practice-settings.types.ts";

/** A help line not checked for this long is flagged to the practice (issue 14). */
export const checkEveryMonths = 12;

/** The lines last checked 12 months or more before `today` (a YYYY-MM-DD date in the practice's zone). */
export function staleHelpLines(helpLines: readonly CountryHelp[], today: string): HelpLineRow[] {
  const cutoff = Temporal.PlainDate.from(today).subtract({ months: checkEveryMonths });
  return helpLineRows(helpLines).filter(
    (line) => Temporal.PlainDate.compare(Temporal.PlainDate.from(line.verifiedOn), cutoff) <= 0,
  );
}

/** Today in the practice's own time zone, as YYYY-MM-DD. */
export const practiceToday = (timeZone: string, now = Temporal.Now.instant()): string =>
  now.toZonedDateTimeISO(timeZone).toPlainDate().toString();
