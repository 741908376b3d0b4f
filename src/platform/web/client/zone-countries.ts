// Which country a time zone is in, for help-now's first guess at where someone is (with JavaScript).
// A guess only: the page always offers the picker. The table, made from the IANA tz database, is in
// zone-country-table.ts.
import { zonesByCountry } from "./zone-country-table.ts";

let byZone: Map<string, string> | undefined;

/** The ISO country code for an IANA zone name, or undefined for a zone that names no country. */
export function countryForZone(zone: string): string | undefined {
  if (!byZone) {
    byZone = new Map();
    for (const [country, zones] of Object.entries(zonesByCountry)) {
      for (const name of zones.split(" ")) byZone.set(name, country);
    }
  }
  return byZone.get(zone);
}

/** Every zone the table knows, for tests. */
export function knownZones(): string[] {
  return Object.values(zonesByCountry).flatMap((zones) => zones.split(" "));
}
