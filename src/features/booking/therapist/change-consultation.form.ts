import { z } from "zod";
import { fieldText } from "../../../platform/web/form-post.ts";
import type { ChangeForm } from "./change-consultation-pages.tsx";
import { changeMessageMaxLength } from "./message-limits.ts";
import { changeWords } from "./messages.ts";

export type ChangeAction = "cancel" | "move";

/** What the therapist typed: their message, and for a move the time chosen. */
export function readChangeForm(action: ChangeAction, body: unknown): ChangeForm {
  const form: ChangeForm = { message: fieldText(body, "message") };
  if (action === "move") {
    const start = Number(fieldText(body, "start"));
    // Within the years a Date can hold, as on the visitor's own page: a made-up number is "choose a time".
    form.start = Number.isSafeInteger(start) && start > 0 && start < 8_000_000_000_000 ? start : undefined;
  }
  return form;
}

const message = z
  .string()
  .refine((text) => text.trim().length <= changeMessageMaxLength, changeWords.messageTooLong);

/** A message that fits, and for a move a time; every problem is shown at once, beside its field. */
export function changeFormSchema(action: ChangeAction): z.ZodType<{ message: string; start?: number }> {
  return action === "move"
    ? z.object({ message, start: z.number(changeWords.chooseTime) })
    : z.object({ message });
}
