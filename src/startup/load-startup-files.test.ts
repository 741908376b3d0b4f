import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { loadConfig } from "../config.ts";
import { loadStartupFiles } from "./load-startup-files.ts";

describe("the files read at start", () => {
  it("validates the instrument definitions and, in the demo, loads the placeholder pack", () => {
    const files = loadStartupFiles(loadConfig({ HAVEN_DATA_DIR: os.tmpdir() }));
    expect(files.instruments.map((i) => i.id)).toEqual(expect.arrayContaining(["ecr-r", "csi-4", "hark"]));
    expect(files.instrumentPack?.pack.placeholder).toBe(true);
  });

  it("stops start-up on a bad pack, naming the file and the problem", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "haven-pack-"));
    try {
      const badPack = path.join(dir, "pack.yaml");
      fs.writeFileSync(badPack, "pack:\n  name: Broken\n");
      const base = loadConfig({ HAVEN_DATA_DIR: os.tmpdir() });
      const practice = loadStartupFiles(base).practice;
      const practiceFile = path.join(dir, "practice.json");
      fs.writeFileSync(
        practiceFile,
        JSON.stringify({ ...practice, instrumentPack: path.relative(base.contentDir, badPack) }),
      );
      const config = loadConfig({ HAVEN_DATA_DIR: os.tmpdir(), HAVEN_PRACTICE_FILE: practiceFile });
      expect(() => loadStartupFiles(config)).toThrow(/pack\.yaml/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
