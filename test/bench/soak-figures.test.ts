import { describe, expect, it } from "vitest";
import {
  bookingOutcome,
  detailsLinks,
  formOutcome,
  hiddenFields,
  kindFigures,
  memoryAfterWarmUp,
  percentile,
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
