import { describe, expect, it } from "vitest";
import { noticeFor } from "./manage-notice.ts";
import { manageNotices } from "./messages.ts";

describe("the notice on a booking's page", () => {
  it("is shown while the booking is as the notice says", () => {
    expect(noticeFor("requested", "requested")).toBe(manageNotices.requested);
    expect(noticeFor("booked", "confirmed")).toBe(manageNotices.booked);
    expect(noticeFor("withdrawn", "cancelled")).toBe(manageNotices.withdrawn);
  });

  it("is left out once the booking has moved on, whatever the address says", () => {
    expect(noticeFor("requested", "confirmed")).toBeUndefined(); // approved since: never "not confirmed yet"
    expect(noticeFor("requested", "declined")).toBeUndefined();
    expect(noticeFor("request-moved", "expired")).toBeUndefined();
    expect(noticeFor("booked", "cancelled")).toBeUndefined();
    expect(noticeFor("cancelled", "confirmed")).toBeUndefined();
    expect(noticeFor(undefined, "confirmed")).toBeUndefined();
  });
});
