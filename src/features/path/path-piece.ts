import { z } from "zod";
import { loadContentPieces } from "../repair/pieces/load-pieces.ts";
import { parseContentPiece } from "../repair/pieces/parse-piece-file.ts";
import type { PieceQuestion } from "../repair/pieces/piece.ts";

/**
 * A piece of the individual path (DOMAIN.md §3, "individual work"): material a client works through on
 * their own, opened by their therapist one piece at a time. Content files (`content/path/<id>.md`) in
 * the repair pieces' format, `for: self`, with no steps: the path is not a sequence to complete.
 */
export type PathPiece = {
  id: string;
  title: string;
  for: "self";
  questions: PieceQuestion[];
  /** The language coach's mode where the piece is practice in words (the coach is the therapist's to turn on). */
  coach?: "hurt" | undefined;
  introHtml: string;
};

const slug = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "must be lowercase words joined by hyphens");

export const pathPieceFrontMatterSchema = z
  .object({
    id: slug,
    title: z.string().trim().min(1, "is missing").max(80, "is longer than 80 characters"),
    for: z.literal("self", { message: 'must be "self": the path is a person\'s own work' }),
    coach: z.literal("hurt", { message: 'must be "hurt" when it is there' }).optional(),
    questions: z
      .array(
        z.object({
          id: slug,
          ask: z.string().trim().min(1, "is missing").max(300, "is longer than 300 characters"),
        }),
      )
      .min(1, "must list at least one question")
      .max(5, "lists more than five questions: a piece stays short")
      .refine((qs) => new Set(qs.map((q) => q.id)).size === qs.length, "use an id only once"),
  })
  .strict();

export const parsePathPieceFile = (file: string, text: string): PathPiece =>
  parseContentPiece("Path piece", pathPieceFrontMatterSchema, file, text);

/** Reads and checks every piece in <content>/path, in file-name order. Throws on the first bad file. */
export const loadPathPieces = (contentDir: string): PathPiece[] =>
  loadContentPieces(contentDir, "path", parsePathPieceFile);
