import type { InstrumentDefinition } from "../instruments/instrument-definition.ts";
import type { InstrumentPack } from "../instruments/instrument-pack.ts";
import { isSafetyScreen, measureReadiness } from "./measure-wording.ts";
import type { AssignForm } from "./therapist-measures-section.tsx";

/**
 * What a therapist may ask for now: a published measure needs its wording from the practice's pack,
 * and placeholder wording is offered in demo mode only. Those held back are named beside the field.
 * `demo` is read at the moment of asking: removing the demo data ends demo mode while the app runs.
 */
export function measureChoices(
  instruments: readonly InstrumentDefinition[],
  pack: InstrumentPack | undefined,
  demo: boolean,
): Pick<AssignForm, "choices" | "withheld"> {
  const readiness = instruments.map((definition) => ({
    definition,
    kind: measureReadiness(definition, pack, demo).kind,
  }));
  return {
    choices: readiness
      .filter((r) => r.kind === "ready")
      .map(({ definition }) => ({
        id: definition.id,
        title: definition.title,
        therapistOnly: definition.visibility === "therapist-only",
        screen: isSafetyScreen(definition),
      })),
    withheld: readiness.filter((r) => r.kind === "example-wording").map((r) => r.definition.title),
  };
}
