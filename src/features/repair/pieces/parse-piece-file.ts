import YAML from "yaml";
import { renderMarkdown } from "../../articles/render-markdown.ts";
import { type Piece, pieceFrontMatterSchema } from "./piece.ts";

/** A bad piece file stops start-up: the message names the file and the field, as articles do. */
export class PieceFileError extends Error {
  constructor(
    readonly file: string,
    readonly field: string,
    readonly problem: string,
  ) {
    super(`Repair piece ${file}: ${field} ${problem}`);
    this.name = "PieceFileError";
  }
}

const frontMatterPattern = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?([\s\S]*)$/;

export function parsePieceFile(file: string, text: string): Piece {
  const match = frontMatterPattern.exec(text);
  if (!match)
    throw new PieceFileError(file, "front matter", "is missing: start the file with --- and end it with ---");
  const [, yamlText = "", body = ""] = match;
  let raw: unknown;
  try {
    raw = YAML.parse(yamlText);
  } catch (error) {
    throw new PieceFileError(
      file,
      "front matter",
      `is not valid YAML (${(error as Error).message.split("\n")[0]})`,
    );
  }
  const parsed = pieceFrontMatterSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = issue?.path.join(".") || "front matter";
    const problem =
      issue?.code === "unrecognized_keys"
        ? `has a field Haven does not know (${issue.keys.join(", ")})`
        : (issue?.message ?? "is not valid");
    throw new PieceFileError(file, field, problem);
  }
  const expectedId = file.replace(/^.*\//, "").replace(/\.md$/, "");
  if (parsed.data.id !== expectedId)
    throw new PieceFileError(file, "id", `must match the file name (${expectedId})`);
  if (body.trim() === "") throw new PieceFileError(file, "body", "is empty: say what the piece is for");
  return { ...parsed.data, introHtml: renderMarkdown(body.trim()).html };
}
