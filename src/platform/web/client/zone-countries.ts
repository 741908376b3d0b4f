// Which country a time zone is in, for help-now's first guess at where someone is (with JavaScript).
// A guess only: the page always offers the picker. Zones such as Etc/UTC name no country.
//
// zone-country-table.json maps each country code to its zones, space-separated (compact, as it is sent
// to every browser). It was made from the IANA tz database (2025c): zone.tab gives each zone's country;
// the older names that browsers still report (Asia/Calcutta, Australia/ACT, US/Eastern, GB…) follow the
// zone they link to, corrected by hand where a link crosses a border (Africa/Asmera is Eritrea,
// Pacific/Truk Micronesia). Data, not code: kept as JSON.
import table from "./zone-country-table.json" with { type: "json" };

const zonesByCountry: Record<string, string> = table;

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
