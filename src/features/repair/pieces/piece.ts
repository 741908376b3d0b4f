import { z } from "zod";

/**
 * A piece of preparation or reflection between sessions (DOMAIN.md §7): short, optional, in the first
 * person, for one role in one injury, fitting some of the eight repair steps. Pieces are content files
 * (`content/repair/<id>.md`) so a practice can edit them or add its own.
 */
export type Role = "hurt" | "caused";

const slug = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "must be lowercase words joined by hyphens");

/** How long an answer may be: a page of writing, not a book. */
export const answerLimit = 4000;

export const pieceFrontMatterSchema = z
  .object({
    id: slug,
    title: z.string().trim().min(1, "is missing").max(80, "is longer than 80 characters"),
    /** Whom the piece is for, in this injury: the one who was hurt, or the one who caused the hurt. */
    for: z.enum(["hurt", "caused"], { message: 'must be "hurt" or "caused"' }),
    /** The repair steps it fits; step 2 (defending) is something seen in session, never an exercise. */
    steps: z
      .array(z.number().int().min(1, "must be between 1 and 8").max(8, "must be between 1 and 8"))
      .min(1, "must name at least one step")
      .refine((steps) => !steps.includes(2), "must not include step 2: defending is never an exercise"),
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

export type PieceQuestion = { id: string; ask: string };

export type Piece = {
  id: string;
  title: string;
  for: Role;
  steps: number[];
  questions: PieceQuestion[];
  /** The short plain explanation, rendered from the file's Markdown body. */
  introHtml: string;
};
