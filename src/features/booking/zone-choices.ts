/** Zones a visitor can pick without JavaScript, their own first when known. */
export function zoneChoices(): string[] {
  return Intl.supportedValuesOf("timeZone");
}
