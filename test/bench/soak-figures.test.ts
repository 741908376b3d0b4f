import { describe, expect, it } from "vitest";
import {
  bookingOutcome,
  cancelOutcome,
  detailsLinks,
  formOutcome,
  hiddenFields,
  kindFigures,
  managePath,
  memoryAfterWarmUp,
  percentile,
  SoakDiary,
} from "../../bench/soak-figures.ts";
import { visitorMessages } from "../../src/features/booking/visitor/messages.ts";

// The soak benchmark's reading of pages: a lost booking race must be counted as one, never as an error,
// and anything else unexpected must be an error (its goal is zero).
describe("what the soak makes of an answer", () => {
  it("counts the booking page's own race messages as taken, and nothing else", () => {
    expect(bookingOutcome(303, "")).toBe("booked");
    expect(bookingOutcome(409, `<p>${visitorMessages.justTaken}</p>`)).toBe("taken");
    expect(bookingOutcome(409, `<p>${visitorMessages.noLongerFree}</p>`)).toBe("taken");
    expect(bookingOutcome(409, `<p>${visitorMessages.tooManyForEmail}</p>`)).toBe("error");
    expect(bookingOutcome(200, "<form>")).toBe("error");
    expect(bookingOutcome(429, "")).toBe("error");
    expect(bookingOutcome(500, visitorMessages.justTaken)).toBe("error");
    expect(formOutcome(200, "<form>")).toBe("ok");
    expect(formOutcome(409, visitorMessages.noLongerFree)).toBe("taken");
    expect(formOutcome(409, visitorMessages.therapistGone)).toBe("error");
  });

  it("follows a booking to its manage page and counts only a cancellation that says so", () => {
    expect(managePath("/book/manage/abc_DEF-1?notice=booked")).toBe("/book/manage/abc_DEF-1");
    expect(managePath("/book/manage/abc")).toBe("/book/manage/abc");
    expect(managePath("/book/details?start=1")).toBeUndefined();
    expect(managePath("/book/manage/abc/cancel")).toBeUndefined();
    expect(managePath(null)).toBeUndefined();
    expect(cancelOutcome(303, "/book/manage/abc?notice=cancelled")).toBe("ok");
    expect(cancelOutcome(303, "/book/manage/abc?notice=withdrawn")).toBe("error");
    expect(cancelOutcome(409, null)).toBe("error");
    expect(cancelOutcome(200, null)).toBe("error");
  });

  it("keeps the diary at its size by handing back the oldest booking, and keeps all with no size", () => {
    const diary = new SoakDiary(2);
    expect(diary.booked("/book/manage/a")).toBeUndefined();
    expect(diary.booked("/book/manage/b")).toBeUndefined();
    expect(diary.booked("/book/manage/c")).toBe("/book/manage/a");
    expect(diary.booked("/book/manage/d")).toBe("/book/manage/b");
    expect(diary.count).toBe(2);
    const filling = new SoakDiary(Number.POSITIVE_INFINITY);
    for (const n of [1, 2, 3]) expect(filling.booked(`/book/manage/${n}`)).toBeUndefined();
    expect(filling.count).toBe(3);
  });

  it("reads the times page's links and the posting form's hidden fields, unescaped", () => {
    const page = `<a href="/book/details?kind=couple&amp;zone=Europe%2FLondon&amp;start=1">9:00</a>
      <a href="/elsewhere">x</a><a href="/book/details?kind=couple&amp;start=2">9:30</a>`;
    expect(detailsLinks(page)).toEqual([
      "/book/details?kind=couple&zone=Europe%2FLondon&start=1",
      "/book/details?kind=couple&start=2",
    ]);
    const form = `<form action="/sign-out"><input type="hidden" name="_form" value="header"></form>
      <form method="post" action="/book"><input type="hidden" name="_form" value="1.a&amp;b">
      <input type="text" name="name" value="kept"><input name="start" type="hidden" value="17"></form>`;
    expect(hiddenFields(form, "/book")).toEqual({ _form: "1.a&b", start: "17" });
    expect(hiddenFields(form, "/nowhere")).toEqual({});
  });

  it("sums up latencies by nearest rank and counts errors and races apart", () => {
    expect(percentile([], 0.5)).toBe(0);
    expect(percentile([1, 2, 3, 4], 0.5)).toBe(2);
    expect(percentile([1, 2, 3, 4], 0.99)).toBe(4);
    const figures = kindFigures([4, 1, 3, 2], ["ok", "taken", "error", "booked"]);
    expect(figures).toEqual({ count: 4, p50: 2, p99: 4, errors: 1, taken: 1 });
  });

  it("measures memory growth from the first reading after the warm-up", () => {
    const samples = [30, 60, 90, 120].map((second, n) => ({
      second,
      rssMb: [500, 420, 460, 440][n] as number,
      rps: 100,
      load: 1,
    }));
    expect(memoryAfterWarmUp(samples, 60)).toEqual({ fromMb: 420, toMb: 440, growthMb: 20, peakMb: 460 });
    expect(memoryAfterWarmUp(samples, 300)).toBeUndefined();
  });
});
