import fs from "node:fs";
import path from "node:path";

/** The pictures in `content/images` an article may use, by file name (read once at start). */
export function contentImageNames(contentDir: string): string[] {
  const dir = path.join(contentDir, "images");
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .filter((name) => /^[a-z0-9-]+\.(svg|png|jpg|jpeg|webp)$/.test(name))
    .sort();
}
