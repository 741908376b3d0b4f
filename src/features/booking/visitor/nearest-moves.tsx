import { FormToken, RadioGroup } from "../../../platform/web/form-fields.tsx";
import type { Slot } from "../compute-slots.ts";
import { fullMoment } from "../messages.ts";
import { manageMessages as m, moveMessages as v } from "./messages.ts";

/**
 * After the time a visitor was moving to was just taken: the nearest free ones, the nearest chosen, and the
 * button that moves at once (they already confirmed a move; booking's details page does the same). The
 * zone and week travel along, so a second race keeps the visitor's place too.
 */
export function NearestMoves(props: {
  token: string;
  nearest: Slot[];
  zone: string;
  week: number;
  formToken: string;
}) {
  const { token, nearest, zone, week, formToken } = props;
  if (nearest.length === 0) return null;
  return (
    <form class="form card" method="post" action={`/book/manage/${token}/reschedule`} data-busy={m.moving}>
      <FormToken token={formToken} />
      <input type="hidden" name="zone" value={zone} />
      <input type="hidden" name="week" value={String(week)} />
      <RadioGroup
        name="start"
        legend={m.nearestLegend}
        options={nearest.map((slot) => ({ value: String(slot.start), label: fullMoment(slot.start, zone) }))}
        value={String(nearest[0]?.start)}
      />
      <p>
        <button class="button" type="submit">
          {v.move}
        </button>
      </p>
    </form>
  );
}
