import { z } from "zod";
import { repairMessages as m } from "../messages.ts";
import { answerLimit, type PieceQuestion } from "./piece.ts";

// The form of a piece of material, shared by the repair space's pieces and the individual path's.

/** Every answer is text within the limit; which answers belong to the piece is the piece's to say. */
export const answersSchema = z.record(z.string(), z.string().max(answerLimit, m.answerTooLong(answerLimit)));

/** Reading the posted answers: every text field but the form's own. */
export function readAnswers(body: unknown): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [name, value] of Object.entries((body as Record<string, unknown> | undefined) ?? {}))
    if (typeof value === "string" && !["_form", "after", "coach"].includes(name)) values[name] = value;
  return values;
}

/** Only the piece's questions the form sent: a field missing from a post leaves its answer as it was. */
export const answersToSave = (
  piece: { questions: readonly PieceQuestion[] },
  data: Record<string, string>,
): Record<string, string> =>
  Object.fromEntries(
    piece.questions
      .filter((question) => data[question.id] !== undefined)
      .map((question) => [question.id, (data[question.id] ?? "").trim()]),
  );

/** "Stop here for today" rather than "Save". */
export const stoppedForToday = (body: unknown): boolean => (body as Record<string, unknown>).after === "stop";
