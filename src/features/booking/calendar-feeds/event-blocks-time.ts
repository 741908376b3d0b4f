import type ICAL from "ical.js";

// Whether an event (or one overridden occurrence) makes the therapist busy. Each component is judged on its
// own properties: an override replaces its occurrence entirely (RFC 5545 3.8.4.4), so a cancelled
// occurrence of a busy series frees its time, and a busy override of a "free" series blocks it.

function upper(component: ICAL.Component, name: string): string {
  const value = component.getFirstPropertyValue(name);
  return typeof value === "string" ? value.trim().toUpperCase() : "";
}

export function blocksTime(component: ICAL.Component): boolean {
  if (upper(component, "status") === "CANCELLED") return false;
  // TRANSP is the standard "show me as free"; OPAQUE is its default.
  if (upper(component, "transp") === "TRANSPARENT") return false;
  // Outlook's own "Show as: Free", which it normally mirrors in TRANSP; honoured on its own too.
  if (upper(component, "x-microsoft-cdo-busystatus") === "FREE") return false;
  return true;
}
