import {
  type InstrumentDefinition,
  type InstrumentDefinitionInput,
  instrumentDefinitionSchema,
} from "../instrument-definition.ts";
import { connectionCheckIn } from "./connection-check-in.ts";
import { csi4 } from "./csi-4.ts";
import { csi16 } from "./csi-16.ts";
import { ecrR } from "./ecr-r.ts";
import { ecrRsPartner } from "./ecr-rs-partner.ts";
import { hark } from "./hark.ts";

/** Every instrument Haven knows, as facts. Published ones need a practice's pack for their wording. */
export const instrumentDefinitions: InstrumentDefinitionInput[] = [
  ecrR,
  ecrRsPartner,
  csi4,
  csi16,
  hark,
  connectionCheckIn,
];

export class InstrumentDefinitionError extends Error {
  constructor(problems: string[]) {
    super(`Instrument definitions need fixing:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
    this.name = "InstrumentDefinitionError";
  }
}

/**
 * The start-up check: validates every definition (shape and cross-references) and throws one error
 * naming each instrument and field that is wrong.
 */
export function loadInstrumentDefinitions(
  definitions: readonly unknown[] = instrumentDefinitions,
): InstrumentDefinition[] {
  const problems: string[] = [];
  const loaded: InstrumentDefinition[] = [];
  const seen = new Set<string>();
  definitions.forEach((raw, index) => {
    const rawId = (raw as { id?: unknown } | null)?.id;
    const name = typeof rawId === "string" ? `"${rawId}"` : `number ${index + 1}`;
    const parsed = instrumentDefinitionSchema.safeParse(raw);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        problems.push(
          `instrument ${name}, ${issue.path.join(".") || "(the whole definition)"}: ${issue.message}`,
        );
      }
      return;
    }
    if (seen.has(parsed.data.id)) problems.push(`instrument ${name}, id: two instruments share this id`);
    seen.add(parsed.data.id);
    loaded.push(parsed.data);
  });
  if (problems.length > 0) throw new InstrumentDefinitionError(problems);
  return loaded;
}
