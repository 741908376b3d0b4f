import { z } from "zod";
import { workspaceMessages as m } from "./messages.ts";

/**
 * A moment in the trigger log (features/trigger-log): a small cue set off the old alarm. Kept as an
 * entry like any note — private by default, shared per entry, withdrawable — with its fields sealed
 * together as one JSON document, and shown everywhere else as readable lines.
 */
export type TriggerRecord = {
  happened: string;
  /** How strong the alarm was, 0 (barely) to 10 (overwhelming). */
  strength: number;
  remindedOf: string;
  did: string;
  needed: string;
};

const recordSchema = z.object({
  happened: z.string(),
  strength: z.number().int().min(0).max(10),
  remindedOf: z.string(),
  did: z.string(),
  needed: z.string(),
});

export const sealTrigger = (record: TriggerRecord) => JSON.stringify(record);

/** The record, or undefined for a body that is not one (it is then shown as written). */
export function unsealTrigger(plain: string): TriggerRecord | undefined {
  try {
    const parsed = recordSchema.safeParse(JSON.parse(plain));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

/** The moment as lines of text, for every page and export that shows an entry's words. */
export function triggerText(record: TriggerRecord): string {
  return [
    m.triggerLines.happened(record.happened),
    m.triggerLines.strength(record.strength),
    record.remindedOf && m.triggerLines.remindedOf(record.remindedOf),
    record.did && m.triggerLines.did(record.did),
    record.needed && m.triggerLines.needed(record.needed),
  ]
    .filter(Boolean)
    .join("\n");
}
