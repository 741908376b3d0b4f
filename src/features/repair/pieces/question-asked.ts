import type { Entry } from "../../workspace/entries.ts";
import type { PieceQuestion } from "./piece.ts";

/** A piece of material as far as its questions go: the repair space's (hurt, caused) or the path's (self). */
type AnyPiece = { id: string; for: string; questions: readonly PieceQuestion[] };

/**
 * The question an answer was written to, as its piece words it now. A plain note has none, and so has an
 * answer whose piece or question a practice has since removed from `content/`: the words stay readable
 * on their own rather than under a question they were not written to. An answer without an injury is to
 * a piece of the individual path (`for: self`), so ids shared by the two folders never mix.
 */
export function questionAsked(
  pieces: readonly AnyPiece[],
  entry: Pick<Entry, "answers">,
): string | undefined {
  const answers = entry.answers;
  if (!answers) return undefined;
  const ofPath = answers.injuryId === null;
  const piece = pieces.find((p) => p.id === answers.pieceId && (p.for === "self") === ofPath);
  return piece?.questions.find((q) => q.id === answers.questionId)?.ask;
}

/** Each entry with the question it answers, for the pages that list or show entries. */
export const withQuestions = <T extends Entry>(pieces: readonly AnyPiece[], entries: T[]): T[] =>
  entries.map((entry) => ({ ...entry, question: questionAsked(pieces, entry) }));
