import { describe, expect, it } from "vitest";
import { dateFieldSchema, dateFormatHint, dateProblemMessage } from "./date-field.tsx";
import { type DateInputFormat, dateInputFormat, formatDateInput, parseDateInput } from "./date-input.ts";

const british: DateInputFormat = { order: "dmy", separator: "/" };
const american: DateInputFormat = { order: "mdy", separator: "/" };
const international: DateInputFormat = { order: "ymd", separator: "-" };

describe("the practice's date format", () => {
  it.each([
    ["en-GB", "GB", "dmy", "/", "24/12/2026"],
    ["en-AU", "AU", "dmy", "/", "24/12/2026"],
    ["en-US", "US", "mdy", "/", "12/24/2026"],
    ["en-IE", "IE", "dmy", "/", "24/12/2026"],
    ["de-DE", "DE", "dmy", ".", "24.12.2026"],
    ["nl-NL", "NL", "dmy", "-", "24-12-2026"],
    ["sv-SE", "SE", "ymd", "-", "2026-12-24"],
    ["ja-JP", "JP", "ymd", "-", "2026-12-24"],
    // A locale without a region takes the practice's country: English written in Australia.
    ["en", "AU", "dmy", "/", "24/12/2026"],
    ["en", "US", "mdy", "/", "12/24/2026"],
    ["not a locale", "GB", "ymd", "-", "2026-12-24"],
  ])("%s in %s writes %s with '%s'", (locale, country, order, separator, example) => {
    const format = dateInputFormat({ locale, country });
    expect(format).toEqual({ order, separator });
    expect(formatDateInput("2026-12-24", format)).toBe(example);
  });

  it("says the format in the field's hint", () => {
    expect(dateFormatHint(british)).toBe("Day, month and year, for example 24/12/2026.");
    expect(dateFormatHint(american)).toBe("Month, day and year, for example 12/24/2026.");
    expect(dateFormatHint(international)).toBe("Year, month and day, for example 2026-12-24.");
  });
});

describe("reading a typed date", () => {
  it.each([
    // typed, format, ISO date or the problem
    ["24/12/2026", british, "2026-12-24"],
    [" 5/3/2027 ", british, "2027-03-05"],
    ["05.03.2027", british, "2027-03-05"],
    ["5-3-2027", british, "2027-03-05"],
    ["5 3 2027", british, "2027-03-05"],
    ["2027-03-05", british, "2027-03-05"],
    ["2027/3/5", british, "2027-03-05"],
    ["12/24/2026", american, "2026-12-24"],
    ["3/5/2027", american, "2027-03-05"],
    ["2026-12-24", american, "2026-12-24"],
    ["2026-12-24", international, "2026-12-24"],
    ["29/02/2028", british, "2028-02-29"],
    ["24.12.2026.", british, "2026-12-24"],
    ["", british, "empty"],
    ["   ", american, "empty"],
    ["tomorrow", british, "unreadable"],
    ["24 December 2026", british, "unreadable"],
    ["24/12", british, "unreadable"],
    ["24/12/26", british, "unreadable"],
    ["24/12/2026/1", british, "unreadable"],
    ["12/24/2026", british, "unreadable"],
    ["24/12/2026", american, "unreadable"],
    ["24/12/2026", international, "unreadable"],
    ["00/12/2026", british, "no-such-day"],
    ["31/02/2026", british, "no-such-day"],
    ["29/02/2027", british, "no-such-day"],
    ["31/04/2026", british, "no-such-day"],
    ["02/31/2026", american, "no-such-day"],
    ["2026-13-01", british, "unreadable"],
    ["1/1/20260", british, "unreadable"],
    ["1/1/0000", british, "unreadable"],
    ["31/12/1899", british, "unreadable"],
    ["1/1/1900", british, "1900-01-01"],
  ])("%j (%o) → %s", (typed, format, expected) => {
    const parsed = parseDateInput(typed, format);
    expect(parsed.ok ? parsed.isoDate : parsed.problem).toBe(expected);
  });

  it("names the missing day in a sentence that says what to do", () => {
    const parsed = parseDateInput("31/02/2026", british);
    if (parsed.ok) throw new Error("31 February was read as a date");
    expect(dateProblemMessage(parsed, british)).toBe("February 2026 has no day 31. Please check the date.");
    const letters = parseDateInput("soon", american);
    if (letters.ok) throw new Error("letters were read as a date");
    expect(dateProblemMessage(letters, american)).toBe(
      "We couldn't read that as a date. Please write it like 12/24/2026.",
    );
  });

  it("gives forms an ISO date, an empty optional field as empty, and a required empty one a message", () => {
    expect(dateFieldSchema(british).parse("24/12/2026")).toBe("2026-12-24");
    expect(dateFieldSchema(british, { required: false }).parse("")).toBe("");
    const empty = dateFieldSchema(british).safeParse(" ");
    expect(empty.success ? "read" : empty.error.issues[0]?.message).toBe(
      "Please enter a date, for example 24/12/2026.",
    );
  });
});
