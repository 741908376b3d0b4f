import { z } from "zod";
import { type FieldErrors, fieldText } from "../../platform/web/form-post.ts";
import type { Sharing } from "./entries.ts";
import { sharingOptions } from "./entry-sharing.ts";
import { workspaceMessages as m } from "./messages.ts";

export const maxEntryLength = 5000;

/** The new note's form: what was typed, kept to show again. */
export type NoteValues = { body: string; sharing: string };

export const readNote = (body: unknown): NoteValues => ({
  body: fieldText(body, "body"),
  sharing: fieldText(body, "sharing"),
});

// Only the shape here: who may read it depends on the couple and on joint work (a query), and a note
// and its sharing are explained together, so both are checked in one place by the use case.
export const noteShape = z.object({ body: z.string(), sharing: z.string() });

/** The choice posted, if it is one this client could have: a partner only for someone in a couple. */
export function chosenSharing(body: unknown, inCouple: boolean): Sharing | undefined {
  const value = fieldText(body, "sharing");
  return sharingOptions({ inCouple, jointWorkOpen: true }).find((option) => option.value === value)?.value;
}

/** The note's own problems, each beside its field; whether a partner may be chosen is asked apart. */
export function noteProblems(body: string, sharing: Sharing | undefined): FieldErrors {
  const errors: FieldErrors = {};
  if (!body) errors.body = m.bodyMissing;
  if (body.length > maxEntryLength) errors.body = m.bodyTooLong(maxEntryLength);
  if (!sharing) errors.sharing = m.sharingMissing;
  return errors;
}
