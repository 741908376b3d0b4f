import { countryForZone } from "../../platform/web/client/zone-countries.ts";
import { dateTimeFormat } from "../../platform/web/date-time-formats.ts";
import { zoneChooserMessages as m } from "./messages.ts";

/** Every zone the runtime knows: the same for the life of the process, so read once. */
const zones: readonly string[] = Intl.supportedValuesOf("timeZone");

/** Every zone a therapist can choose in their settings. */
export function zoneChoices(): string[] {
  return [...zones];
}

/**
 * The regions the chooser groups zones under, in the order shown, keyed by the first part of the zone's
 * name. Arctic/Longyearbyen is Svalbard, so it sits with Europe; UTC, which names no place, comes last.
 */
const regionOf: Record<string, keyof typeof m.regions> = {
  Europe: "europe",
  Arctic: "europe",
  America: "americas",
  Asia: "asia",
  Australia: "pacific",
  Pacific: "pacific",
  Africa: "africa",
  Atlantic: "atlantic",
  Indian: "indian",
  Antarctica: "antarctica",
};
const regionOrder = Object.keys(m.regions) as (keyof typeof m.regions)[];

const countryNames = new Intl.DisplayNames("en-GB", { type: "region" });

/**
 * "Sydney, Australia", "Knox, Indiana, United States", "Kolkata, India": the zone's city (its last part),
 * any part between, then the country, so a visitor whose own city has no zone of its own finds theirs by
 * country. A zone that names no country (UTC, Etc/GMT+5) keeps its name.
 */
export function zonePlace(zone: string): string {
  const parts = zone.split("/").map((part) => renamed[part] ?? part.replace(/_/g, " "));
  if (parts.length < 2) return zone;
  const named = parts.slice(1).reverse();
  const country = countryForZone(zone);
  const countryName = country ? countryNames.of(country) : undefined;
  // "Mauritius", not "Mauritius, Mauritius": an island that is its own country is named once.
  const same = (a: string, b: string) => a.localeCompare(b, "en", { sensitivity: "base" }) === 0;
  if (!countryName || named.some((name) => same(name, countryName))) return named.join(", ");
  return [...named, countryName].join(", ");
}

/**
 * The runtime still lists some zones under the older spelling of their city (the names are IDs and never
 * change); a visitor looks for the city as it is called and written today.
 */
const renamed: Record<string, string> = {
  Asmera: "Asmara",
  Calcutta: "Kolkata",
  Coral_Harbour: "Atikokan",
  DumontDUrville: "Dumont d'Urville",
  Enderbury: "Kanton",
  Faeroe: "Faroe Islands",
  Godthab: "Nuuk",
  Katmandu: "Kathmandu",
  Kiev: "Kyiv",
  Ponape: "Pohnpei",
  Rangoon: "Yangon",
  Saigon: "Ho Chi Minh City",
  Truk: "Chuuk",
};

/**
 * "UTC+11:00", "UTC−03:30", "UTC+00:00": the zone's offset at `at`. The minus is a real minus sign, which
 * screen readers say as "minus" rather than "dash".
 */
export function utcOffset(zone: string, at: number): string {
  const format = dateTimeFormat("utc-offset", zone, { timeZoneName: "longOffset" });
  const name = format.formatToParts(at).find((part) => part.type === "timeZoneName")?.value ?? "GMT";
  // longOffset writes "GMT" alone for an offset of zero.
  const offset = name === "GMT" ? "+00:00" : name.slice(3);
  return `UTC${offset.replace("-", "−")}`;
}

/** "Sydney, Australia (UTC+11:00)": what the visitor reads for a zone. */
export function zoneLabel(zone: string, at: number): string {
  return `${zonePlace(zone)} (${utcOffset(zone, at)})`;
}

export type ZoneGroup = { region: keyof typeof m.regions; zones: { zone: string; label: string }[] };

/**
 * Every zone by region and its place's name, in the order shown. Places never change, so this is made once
 * (on first use, not at start); only the offsets are written again as the clocks change.
 */
let places: { region: ZoneGroup["region"]; zones: { zone: string; place: string }[] }[] | undefined;

function zonesByPlace() {
  if (places) return places;
  const byRegion = new Map<ZoneGroup["region"], { zone: string; place: string }[]>();
  for (const zone of [...zones, "UTC"]) {
    const region = regionOf[zone.split("/")[0] ?? ""] ?? "other";
    const list = byRegion.get(region) ?? [];
    list.push({ zone, place: zonePlace(zone) });
    byRegion.set(region, list);
  }
  places = regionOrder.flatMap((region) => {
    const list = byRegion.get(region);
    if (!list) return [];
    list.sort((a, b) => a.place.localeCompare(b.place, "en-GB"));
    return [{ region, zones: list }];
  });
  return places;
}

/** Every zone by region, in `regionOrder`, each region's places in alphabetical order, labelled at `at`. */
export function zoneGroups(at: number): ZoneGroup[] {
  return zonesByPlace().map(({ region, zones: list }) => ({
    region,
    zones: list.map(({ zone, place }) => ({ zone, label: `${place} (${utcOffset(zone, at)})` })),
  }));
}

const escapeHtml = (text: string) =>
  text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

const optionHtml = (zone: string, label: string, selected: boolean) =>
  `<option value="${escapeHtml(zone)}"${selected ? " selected" : ""}>${escapeHtml(label)}</option>`;

/**
 * The regions' groups as HTML, written once per quarter hour of UTC. Offsets change with the clocks, so
 * they cannot be written once at start as the plain names were; writing some 420 options as elements at
 * every request was a large part of the times page's cost (record 061), and so is formatting 420 offsets.
 * Clock changes fall on a quarter hour of UTC (even those of zones half or three quarters of an hour off),
 * so options written at the start of a quarter hour stay right until its end (record 064).
 */
let written: { quarter: number; html: string } | undefined;
const quarterHour = 15 * 60_000;

function regionsHtml(at: number): string {
  const quarter = Math.floor(at / quarterHour);
  if (written?.quarter === quarter) return written.html;
  let html = "";
  for (const group of zoneGroups(quarter * quarterHour)) {
    html += `<optgroup label="${escapeHtml(m.regions[group.region])}">`;
    for (const { zone, label } of group.zones) html += optionHtml(zone, label, false);
    html += "</optgroup>";
  }
  written = { quarter, html };
  return html;
}

/**
 * The times page's zone chooser options: the zone the times are shown in first, chosen, in a group of its
 * own (it may be a name the list leaves out, such as US/Eastern, which browsers may report), then every
 * zone by region. The group says whose zone it is: the visitor's once they or their browser chose it, the
 * practice's until then. `zone` must already be known to be valid.
 */
export function zoneOptionsHtml(zone: string, at: number, chosen = true): string {
  const heading = chosen ? m.yourZone : m.practiceZone;
  const first = `<optgroup label="${escapeHtml(heading)}">${optionHtml(zone, zoneLabel(zone, at), true)}</optgroup>`;
  return first + regionsHtml(at);
}
