import type { Slot } from "../compute-slots.ts";
import { groupByDay } from "../group-by-day.ts";
import { bookUrl } from "./book-url.ts";
import { DayOfTimes } from "./day-of-times.tsx";
import { timesMessages as m } from "./messages.ts";
import type { Kind } from "./times-page.tsx";

/**
 * One week of times. Every week is in the page; only the chosen one is shown. Without JavaScript the
 * week links load that week's page; with it, enhance.ts shows the week in place.
 */
export function WeekOfTimes(props: {
  index: number;
  visible: boolean;
  slots: Slot[];
  zone: string;
  kind: Kind;
  withWhom: string | undefined;
  /** Where the flow's pages sit: "/book", or "/embed/book" inside an embed. */
  base: string;
  link: (week: number) => string;
  lastWeek: number;
  nextAvailableWeek: number | undefined;
  /** Where choosing a time leads when not the details page: the manage link's move step (record 065). */
  timeLink?: ((start: number) => string) | undefined;
  /** The time a booking being moved holds now, in this week: shown in its place, marked, not a choice. */
  current?: number | undefined;
}) {
  const { index, visible, slots, zone, kind, withWhom, base, link, lastWeek, nextAvailableWeek } = props;
  const { timeLink, current } = props;
  const times =
    current === undefined ? slots : [...slots, { start: current }].sort((a, b) => a.start - b.start);
  const days = groupByDay(times, zone);
  const headingId = `week-${index}`;
  return (
    <section class="stack" data-week={String(index)} hidden={!visible} aria-labelledby={headingId}>
      <h2 id={headingId} tabindex={-1} class="visually-hidden">
        {index === 0 ? m.thisWeek : m.week(index + 1)}
      </h2>
      {slots.length === 0 && nextAvailableWeek !== undefined && nextAvailableWeek !== index && (
        <p>
          {m.noTimesThisWeek}{" "}
          <a href={link(nextAvailableWeek)} data-week-link={String(nextAvailableWeek)}>
            {m.goToNext}
          </a>
          .
        </p>
      )}
      {days.map((day) => (
        <DayOfTimes
          key={day.day}
          day={day.day}
          slots={day.slots}
          zone={zone}
          current={current}
          href={(slot) =>
            timeLink?.(slot.start) ??
            bookUrl(`${base}/details`, { kind, zone, with: withWhom, start: slot.start })
          }
        />
      ))}
      <nav class="week-nav" aria-label={m.weeks}>
        {index > 0 && (
          <a href={link(index - 1)} data-week-link={String(index - 1)}>
            {m.earlier}
          </a>
        )}
        {index < lastWeek && (
          <a href={link(index + 1)} data-week-link={String(index + 1)}>
            {m.later}
          </a>
        )}
      </nav>
    </section>
  );
}
