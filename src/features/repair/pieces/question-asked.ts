import type { Entry } from "../../workspace/entries.ts";
import type { Piece } from "./piece.ts";

/**
 * The question an answer was written to, as its piece words it now. A plain note has none, and so has an
 * answer whose piece or question a practice has since removed from `content/repair/`: the words stay
 * readable on their own rather than under a question they were not written to.
 */
export function questionAsked(pieces: readonly Piece[], entry: Pick<Entry, "answers">): string | undefined {
  const answers = entry.answers;
  if (!answers) return undefined;
  const piece = pieces.find((p) => p.id === answers.pieceId);
  return piece?.questions.find((q) => q.id === answers.questionId)?.ask;
}

/** Each entry with the question it answers, for the pages that list or show entries. */
export const withQuestions = <T extends Entry>(pieces: readonly Piece[], entries: T[]): T[] =>
  entries.map((entry) => ({ ...entry, question: questionAsked(pieces, entry) }));
