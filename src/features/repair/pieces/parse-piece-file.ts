import YAML from "yaml";
import type { z } from "zod";
import { renderMarkdown } from "../../articles/render-markdown.ts";
import { type Piece, pieceFrontMatterSchema } from "./piece.ts";

/** A bad piece file stops start-up: the message names the file and the field, as articles do. */
export class PieceFileError extends Error {
  constructor(
    readonly file: string,
    readonly field: string,
    readonly problem: string,
    kind = "Repair piece",
  ) {
    super(`${kind} ${file}: ${field} ${problem}`);
    this.name = "PieceFileError";
  }
}

const frontMatterPattern = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?([\s\S]*)$/;

/**
 * A piece of material as a content file: front matter checked by `schema`, an `id` matching the file
 * name, and a Markdown body (the short explanation). Shared by the repair space and the individual path.
 */
export function parseContentPiece<S extends z.ZodType<{ id: string }>>(
  kind: string,
  schema: S,
  file: string,
  text: string,
): z.infer<S> & { introHtml: string } {
  const fail = (field: string, problem: string) => new PieceFileError(file, field, problem, kind);
  const match = frontMatterPattern.exec(text);
  if (!match) throw fail("front matter", "is missing: start the file with --- and end it with ---");
  const [, yamlText = "", body = ""] = match;
  let raw: unknown;
  try {
    raw = YAML.parse(yamlText);
  } catch (error) {
    throw fail("front matter", `is not valid YAML (${(error as Error).message.split("\n")[0]})`);
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = issue?.path.join(".") || "front matter";
    const problem =
      issue?.code === "unrecognized_keys"
        ? `has a field Haven does not know (${issue.keys.join(", ")})`
        : (issue?.message ?? "is not valid");
    throw fail(field, problem);
  }
  const expectedId = file.replace(/^.*\//, "").replace(/\.md$/, "");
  if (parsed.data.id !== expectedId) throw fail("id", `must match the file name (${expectedId})`);
  if (body.trim() === "") throw fail("body", "is empty: say what the piece is for");
  return { ...parsed.data, introHtml: renderMarkdown(body.trim()).html };
}

export const parsePieceFile = (file: string, text: string): Piece =>
  parseContentPiece("Repair piece", pieceFrontMatterSchema, file, text);
