import { render } from "preact-render-to-string";
import { describe, expect, it } from "vitest";
import { DayOfTimes } from "./day-of-times.tsx";

// 5 March 2031 in London (GMT): 10:00 is daytime, 23:00 is night-time for a London visitor.
const at = (hour: number) => Date.UTC(2031, 2, 5, hour);
const day = (current?: number) =>
  render(
    <DayOfTimes
      day="2031-03-05"
      slots={[{ start: at(10) }, { start: at(23) }]}
      zone="Europe/London"
      href={(slot) => `/next?start=${slot.start}`}
      current={current}
    />,
  );

describe("one day's times", () => {
  it("tucks night-time away behind a closed disclosure when the day has daytime times", () => {
    const html = day();
    expect(html).toContain('<details class="night-times">');
    expect(html).toContain("night-time for you");
    expect(html).toContain(`href="/next?start=${at(23)}"`);
  });

  it("opens the night-time times when the booking being moved holds one of them, and marks it", () => {
    const html = day(at(23));
    expect(html).toContain('<details class="night-times" open>');
    expect(html).toContain("your current time");
    expect(html).not.toContain(`href="/next?start=${at(23)}"`);
  });
});
