import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { migrationsFolder } from "./migrations-folder.ts";

type Journal = { entries: { idx: number; tag: string; when: number }[] };

// Migrations run in journal order on every install; a reordered or missing file would leave
// some databases different from others.
describe("migrations", () => {
  const journal: Journal = JSON.parse(
    fs.readFileSync(path.join(migrationsFolder, "meta", "_journal.json"), "utf8"),
  );
  const sqlFiles = fs
    .readdirSync(migrationsFolder)
    .filter((f) => f.endsWith(".sql"))
    .sort();

  it("are numbered without gaps and recorded in order of creation", () => {
    journal.entries.forEach((entry, index) => {
      expect(entry.idx).toBe(index);
      expect(entry.tag.startsWith(String(index).padStart(4, "0"))).toBe(true);
      if (index > 0) expect(entry.when).toBeGreaterThan(journal.entries[index - 1]?.when ?? 0);
    });
  });

  it("have exactly one SQL file per journal entry", () => {
    expect(sqlFiles).toEqual(journal.entries.map((e) => `${e.tag}.sql`));
  });

  it("load btree_gist before anything needs it", () => {
    const first = fs.readFileSync(path.join(migrationsFolder, sqlFiles[0] ?? ""), "utf8");
    expect(first).toMatch(/CREATE EXTENSION IF NOT EXISTS btree_gist/);
  });
});
