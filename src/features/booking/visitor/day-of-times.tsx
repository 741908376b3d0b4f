import { clockTime, dayHeading, nightTimeMessages as night } from "../messages.ts";
import { splitByNight } from "../night-time.ts";
import { timesMessages } from "./messages.ts";

/** What a day's list needs of a time: its start (a moved booking's own time has no more). */
type Slot = { start: number };

/**
 * One time to choose: a link to the next step, its day in its name for a screen reader. The time a
 * booking holds now, when it is being moved, is marked and not a link.
 */
function TimeLink(props: { slot: Slot; zone: string; href: string; atNight: boolean; current: boolean }) {
  const { slot, zone, href, atNight } = props;
  if (props.current) {
    return (
      <li>
        <span class="time-choice time-choice--current">
          {clockTime(slot.start, zone)}
          <span class="visually-hidden">, {dayHeading(slot.start, zone)}</span>
          <span class="time-mark">{timesMessages.yourCurrentTime}</span>
        </span>
      </li>
    );
  }
  return (
    <li>
      <a class={atNight ? "time-choice time-choice--night" : "time-choice"} href={href}>
        {clockTime(slot.start, zone)}
        <span class="visually-hidden">, {dayHeading(slot.start, zone)}</span>
        {/* Words, not colour alone: the mark is read as part of the link's name. */}
        {atNight && (
          <span class="time-mark">
            <span class="visually-hidden">, </span>
            {night.mark}
          </span>
        )}
      </a>
    </li>
  );
}

/**
 * One day's times in the visitor's zone. Times outside 07:00–22:00 for them are marked "night-time for
 * you"; on a day that also has daytime times they wait behind a disclosure (a `<details>`, which needs no
 * JavaScript), so the first times seen are ones at a sensible hour.
 */
export function DayOfTimes(props: {
  day: string;
  slots: Slot[];
  zone: string;
  href: (slot: Slot) => string;
  /** When a booking is being moved: the start of the time it holds now. */
  current?: number | undefined;
}) {
  const { day, slots, zone, href, current } = props;
  const { day: daytime, night: nightTime, early, late } = splitByNight(slots, zone);
  const list = (times: Slot[], atNight: boolean) => (
    <ul class={atNight ? "time-list time-list--night" : "time-list"}>
      {times.map((slot) => (
        <TimeLink
          key={slot.start}
          slot={slot}
          zone={zone}
          href={href(slot)}
          atNight={atNight}
          current={slot.start === current}
        />
      ))}
    </ul>
  );
  const span = (times: Slot[]) => {
    const [first, last] = [times[0], times[times.length - 1]];
    if (!first || !last) return [];
    const from = clockTime(first.start, zone);
    return [first === last ? from : `${from}–${clockTime(last.start, zone)}`];
  };
  const hours = [...span(early), ...span(late)];
  return (
    <section class="stack times-day" aria-labelledby={`day-${day}`}>
      <h3 id={`day-${day}`}>{dayHeading(slots[0]?.start ?? 0, zone)}</h3>
      {daytime.length === 0 ? (
        list(nightTime, true)
      ) : (
        <>
          {list(daytime, false)}
          {nightTime.length > 0 && (
            <details class="night-times" open={nightTime.some((slot) => slot.start === current)}>
              <summary>{night.more(nightTime.length, hours)}</summary>
              {list(nightTime, true)}
            </details>
          )}
        </>
      )}
    </section>
  );
}
