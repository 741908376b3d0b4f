import type { CountryHelp, PracticeSettings } from "../practice-settings/practice-settings.types.ts";
import { countryName, emergencyNumbers, isCountryCode } from "./countries.ts";

/** The country help-now shows: one the practice lists lines for, or another with its emergency number if known. */
export type ShownCountry =
  | { listed: true; code: string; name: string; help: CountryHelp }
  | { listed: false; code: string; name: string; emergency: string | undefined };

/**
 * The country asked for in `?country=`, if it is a real one ("au" is read as AU). Anything else —
 * missing, made up, overlong, repeated, not a string — is as good as not asking.
 */
export function requestedCountry(query: unknown): string | undefined {
  const raw = (query as Record<string, unknown> | null | undefined)?.country;
  if (typeof raw !== "string" || !/^[A-Za-z]{2}$/.test(raw)) return undefined;
  const code = raw.toUpperCase();
  return isCountryCode(code) ? code : undefined;
}

/**
 * What help-now shows for a request, and whether that page may be cached. Only the countries the
 * practice lists, and those with a known emergency number, are cached: a fixed, small set of pages,
 * whatever anyone puts in the address.
 */
export function shownCountry(
  practice: Pick<PracticeSettings, "helpLines" | "country">,
  requested: string | undefined,
): { country: ShownCountry; cacheable: boolean } {
  const listed = requested ? practice.helpLines.find((c) => c.code === requested) : undefined;
  if (listed)
    return { country: { listed: true, code: listed.code, name: listed.name, help: listed }, cacheable: true };
  if (requested !== undefined) {
    const emergency = emergencyNumbers[requested];
    return {
      country: { listed: false, code: requested, name: countryName(requested), emergency },
      cacheable: emergency !== undefined,
    };
  }
  const own = practice.helpLines.find((c) => c.code === practice.country) ?? practice.helpLines[0];
  if (!own) throw new Error("the practice settings name no help lines");
  return { country: { listed: true, code: own.code, name: own.name, help: own }, cacheable: true };
}

/** The emergency number and the country it is for, as the footer names them. */
export function footerEmergency(country: ShownCountry): { number: string | undefined; country: string } {
  return {
    number: country.listed ? country.help.emergency.number : country.emergency,
    country: country.name,
  };
}
