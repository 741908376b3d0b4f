import fs from "node:fs";
import path from "node:path";
import { parsePieceFile } from "./parse-piece-file.ts";
import type { Piece } from "./piece.ts";

/** Reads and checks every piece in <content>/repair, in file-name order. Throws on the first bad file. */
export function loadPieces(contentDir: string): Piece[] {
  const dir = path.join(contentDir, "repair");
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .filter((name) => name.endsWith(".md"))
    .sort()
    .map((name) => parsePieceFile(path.join("repair", name), fs.readFileSync(path.join(dir, name), "utf8")));
}
