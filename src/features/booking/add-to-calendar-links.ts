import type { CalendarEvent } from "./calendar-file.ts";
import { checkTimes, utcBasic, utcIso } from "./calendar-time.ts";

/**
 * "Add to Google Calendar" and "Add to Outlook" links the visitor may choose to click. Everything passed
 * here ends up in a URL on a third party's site: pass no secret (such as the private manage link).
 */
export function addToCalendarLinks(
  event: Pick<CalendarEvent, "start" | "end" | "title" | "location" | "description">,
): { google: string; outlook: string } {
  checkTimes(event.start, event.end);
  const optional = (name: string, value: string | undefined) =>
    value === undefined ? "" : `&${name}=${encodeURIComponent(value)}`;
  const google =
    "https://calendar.google.com/calendar/render?action=TEMPLATE" +
    `&text=${encodeURIComponent(event.title)}` +
    `&dates=${utcBasic(event.start)}/${utcBasic(event.end)}` +
    optional("details", event.description) +
    optional("location", event.location);
  const outlook =
    "https://outlook.live.com/calendar/0/deeplink/compose?" +
    `subject=${encodeURIComponent(event.title)}` +
    `&startdt=${encodeURIComponent(utcIso(event.start))}` +
    `&enddt=${encodeURIComponent(utcIso(event.end))}` +
    optional("body", event.description) +
    optional("location", event.location);
  return { google, outlook };
}
