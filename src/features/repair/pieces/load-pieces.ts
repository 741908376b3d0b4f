import fs from "node:fs";
import path from "node:path";
import { parsePieceFile } from "./parse-piece-file.ts";
import type { Piece } from "./piece.ts";

/** Reads every `.md` file of <content>/<folder> in file-name order with `parse`. Throws on the first bad file. */
export function loadContentPieces<T>(
  contentDir: string,
  folder: string,
  parse: (file: string, text: string) => T,
): T[] {
  const dir = path.join(contentDir, folder);
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .filter((name) => name.endsWith(".md"))
    .sort()
    .map((name) => parse(path.join(folder, name), fs.readFileSync(path.join(dir, name), "utf8")));
}

/** Reads and checks every piece in <content>/repair, in file-name order. Throws on the first bad file. */
export const loadPieces = (contentDir: string): Piece[] =>
  loadContentPieces(contentDir, "repair", parsePieceFile);
