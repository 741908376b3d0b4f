import { describedByFor, FieldFrame } from "../../../platform/web/form-fields.tsx";
import { zoneChooserMessages as words } from "../messages.ts";
import { zoneOptionsHtml } from "../zone-choices.ts";
import { timesMessages as m } from "./messages.ts";

/**
 * The time zone the times are shown in: a plain select, grouped by region, that works without JavaScript.
 * With it, enhance.ts adds a field above that finds a city or country as the visitor types (the label is
 * carried here, so the words stay with the feature's). A zone from the address that isn't one we know
 * puts its message beside the field, and the times stay in the practice's zone until one is chosen.
 */
export function ZoneChooser(props: {
  zone: string;
  /** Whether the visitor (or their browser) chose the zone; until then the times are in the practice's. */
  chosen: boolean;
  at: number;
  problem?: string | undefined;
}) {
  const { zone, chosen, at, problem } = props;
  const id = "zone";
  return (
    <FieldFrame id={id} label={m.zoneLabel} hint={words.hint} error={problem}>
      <select
        id={id}
        name="zone"
        aria-invalid={problem ? "true" : undefined}
        aria-describedby={describedByFor(id, words.hint, problem)}
        data-zone-search={words.searchLabel}
        dangerouslySetInnerHTML={{ __html: zoneOptionsHtml(zone, at, chosen) }}
      />
    </FieldFrame>
  );
}
