/** Every zone the runtime knows: the same for the life of the process, so read once. */
const zones: readonly string[] = Intl.supportedValuesOf("timeZone");

/** Zones a visitor can pick without JavaScript, their own first when known. */
export function zoneChoices(): string[] {
  return [...zones];
}

const escapeHtml = (text: string) =>
  text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

/** Each zone's option, as rendering it in JSX writes it, plain and chosen. */
const options = zones.map((zone) => {
  const label = `${escapeHtml(zone.replace(/_/g, " "))}</option>`;
  return {
    zone,
    plain: `<option value="${escapeHtml(zone)}">${label}`,
    chosen: `<option value="${escapeHtml(zone)}" selected>${label}`,
  };
});

/**
 * The times page's zone picker options, with `selected` on the visitor's zone. Written once at start and
 * joined per page: some 430 options made as elements at every request were a large part of the times
 * page's rendering (record 061). The page tests compare the HTML with what JSX made before.
 */
export function zoneOptionsHtml(selected: string): string {
  let html = "";
  for (const option of options) html += option.zone === selected ? option.chosen : option.plain;
  return html;
}
