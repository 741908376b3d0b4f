import { z } from "zod";
import { settingsMessages as m } from "./messages.ts";

const regionNames = new Intl.DisplayNames(["en-GB"], { type: "region", fallback: "none" });
/** Codes Intl names that are not a country a help line can serve. */
const notCountries = new Set(["ZZ", "EU", "EZ", "UN", "QO"]);

/** The English name of an ISO 3166 country code, or undefined when it names no country. */
export function countryName(code: string): string | undefined {
  if (!/^[A-Z]{2}$/.test(code) || notCountries.has(code)) return undefined;
  return regionNames.of(code);
}

/** A two-letter ISO country code, written in capitals whatever was typed. */
export const countryCode = z
  .string()
  .trim()
  .toUpperCase()
  .refine((code) => countryName(code) !== undefined, m.countryCode);

/**
 * A phone number as dialled: digits with spaces or dashes, an optional leading +, 3 to 15 digits
 * (E.164's most, and the shortest lines such as 999 or 988).
 */
export const phoneNumber = z
  .string()
  .trim()
  .refine((text) => {
    if (!/^\+?[0-9][0-9 -]*$/.test(text)) return false;
    const digits = text.replace(/\D/g, "").length;
    return digits >= 3 && digits <= 15;
  }, m.phoneNumber);

/** A date written as YYYY-MM-DD (what a date field sends), and a real day. */
export const checkedDate = z.iso.date({ message: m.checkedDate });

/** A time zone the runtime knows (browsers and people write aliases; Intl accepts them). */
export const timeZoneName = z
  .string()
  .trim()
  .refine((zone) => {
    if (zone === "") return false;
    try {
      new Intl.DateTimeFormat("en-GB", { timeZone: zone });
      return true;
    } catch {
      return false;
    }
  }, m.timeZoneUnknown);
