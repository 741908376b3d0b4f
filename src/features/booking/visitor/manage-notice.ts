import type { BookingStatus } from "../request-expiry.ts";
import { manageNotices } from "./messages.ts";

export type ManageNotice = keyof typeof manageNotices;

/** The status each notice is true of: "not confirmed yet" is only ever said of a request still waiting. */
const trueWhen: Record<ManageNotice, BookingStatus> = {
  booked: "confirmed",
  requested: "requested",
  moved: "confirmed",
  "request-moved": "requested",
  cancelled: "cancelled",
  withdrawn: "cancelled",
};

/**
 * The words of the notice an address asks for, only while the booking is in the status the notice
 * describes. The address outlives the moment (reloaded, bookmarked, opened after an answer), so a notice
 * that no longer fits is left out and the page's own status line speaks.
 */
export function noticeFor(notice: ManageNotice | undefined, status: BookingStatus): string | undefined {
  if (notice === undefined || trueWhen[notice] !== status) return undefined;
  return manageNotices[notice];
}
