import { z } from "zod";
import { dateFieldSchema } from "../../platform/web/date-field.tsx";
import type { DateInputFormat } from "../../platform/web/date-input.ts";
import { fieldText } from "../../platform/web/form-post.ts";
import type { WhoWasHurt } from "./injuries.ts";
import { injuryNameLimit } from "./injury-name-form.tsx";
import { markNoteLimit } from "./injury-page.tsx";
import { repairTherapistMessages as m } from "./messages.ts";
import type { Partner } from "./therapist-repair-view.ts";

/** Naming or renaming an injury: the words, and who was hurt (a partner's id, or "each"). */
export const injuryNameSchema = z.object({
  name: z.string().trim().min(1, m.nameMissing).max(injuryNameLimit, m.nameTooLong(injuryNameLimit)),
  who: z.string().min(1, m.whoMissing),
});

export const readInjuryName = (body: unknown) => ({
  name: fieldText(body, "name"),
  who: fieldText(body, "who"),
});

/** The posted "who" as a role of this couple's; undefined for anything else (a made-up id). */
export function whoWasHurt(who: string, partners: Partner[]): WhoWasHurt | undefined {
  if (who === "each") return { kind: "each" };
  return partners.some((p) => p.id === who) ? { kind: "one", clientId: who } : undefined;
}

/**
 * A mark on the map: one of the eight steps, the session's date (typed in the practice's format), and an
 * optional private note.
 */
export const markSchema = (format: DateInputFormat) =>
  z.object({
    step: z.coerce.number({ error: m.stepMissing }).int().min(1, m.stepMissing).max(8, m.stepMissing),
    observedOn: dateFieldSchema(format, { emptyMessage: m.dateMissing }),
    note: z.string().trim().max(markNoteLimit, m.noteTooLong(markNoteLimit)),
  });

export const readMark = (body: unknown) => ({
  step: fieldText(body, "step"),
  observedOn: fieldText(body, "observedOn"),
  note: fieldText(body, "note"),
});
