import type { Slot } from "./compute-slots.ts";
import { groupByDay } from "./group-by-day.ts";
import { clockTime, dayHeading } from "./messages.ts";

/**
 * Times to choose one of, a fieldset per day, as radio buttons named `start` (a form without JavaScript).
 * Shared by the visitor's and the therapist's "choose another time" pages.
 */
export function TimeChoices(props: { slots: Slot[]; zone: string; chosen?: number | undefined }) {
  const { slots, zone, chosen } = props;
  return (
    <>
      {groupByDay(slots, zone).map((day) => (
        <fieldset key={day.day}>
          <legend>{dayHeading(day.slots[0]?.start ?? 0, zone)}</legend>
          <div class="time-grid">
            {day.slots.map((slot) => (
              <div class="choice" key={slot.start}>
                <input
                  type="radio"
                  id={`start-${slot.start}`}
                  name="start"
                  value={String(slot.start)}
                  checked={slot.start === chosen}
                />
                <label for={`start-${slot.start}`}>{clockTime(slot.start, zone)}</label>
              </div>
            ))}
          </div>
        </fieldset>
      ))}
    </>
  );
}
