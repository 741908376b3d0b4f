import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { BuildCache } from "./build-cache.ts";

const dirs: string[] = [];
function tempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "haven-build-cache-"));
  dirs.push(dir);
  return dir;
}
afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

/** A "build" that upper-cases its input file and counts how often it ran. */
function upperCaser(input: string) {
  let runs = 0;
  return {
    runs: () => runs,
    build: async () => {
      runs++;
      return { output: Buffer.from(fs.readFileSync(input, "utf8").toUpperCase()), inputs: [input] };
    },
  };
}

describe("the build cache", () => {
  it("reuses a build while its inputs are unchanged, and builds again when one changes", async () => {
    const work = tempDir();
    const input = path.join(work, "a.css");
    fs.writeFileSync(input, "calm");
    const builder = upperCaser(input);
    const cacheDir = path.join(work, "cache");

    const first = new BuildCache(cacheDir);
    expect((await first.get("a.css", "v1", builder.build)).toString()).toBe("CALM");
    expect(first.built).toEqual(["a.css"]);

    const second = new BuildCache(cacheDir);
    expect((await second.get("a.css", "v1", builder.build)).toString()).toBe("CALM");
    expect(second.reused).toEqual(["a.css"]);
    expect(builder.runs()).toBe(1);

    fs.writeFileSync(input, "quiet");
    const third = new BuildCache(cacheDir);
    expect((await third.get("a.css", "v1", builder.build)).toString()).toBe("QUIET");
    expect(third.built).toEqual(["a.css"]);
    expect(builder.runs()).toBe(2);
  });

  it("builds again for another key (builder version or options), or when the kept output was damaged", async () => {
    const work = tempDir();
    const input = path.join(work, "a.js");
    fs.writeFileSync(input, "soft");
    const builder = upperCaser(input);
    const cacheDir = path.join(work, "cache");
    await new BuildCache(cacheDir).get("a.js", "v1", builder.build);

    const otherKey = new BuildCache(cacheDir);
    await otherKey.get("a.js", "v2", builder.build);
    expect(otherKey.built).toEqual(["a.js"]);

    const output = fs.readdirSync(cacheDir).find((name) => name.endsWith("-a.js")) ?? "";
    fs.writeFileSync(path.join(cacheDir, output), "tampered");
    const damaged = new BuildCache(cacheDir);
    expect((await damaged.get("a.js", "v2", builder.build)).toString()).toBe("SOFT");
    expect(damaged.built).toEqual(["a.js"]);
    expect(builder.runs()).toBe(3);
  });

  it("keeps compressed forms by content, and never hands back a damaged one", () => {
    const cacheDir = path.join(tempDir(), "cache");
    const raw = Buffer.from("a calm page ".repeat(50));
    const made = new BuildCache(cacheDir).compress(raw);
    const kept = new BuildCache(cacheDir).compress(raw);
    expect(kept.br.equals(made.br)).toBe(true);
    expect(kept.etag).toBe(made.etag);

    const brFile = fs.readdirSync(cacheDir).find((name) => name.endsWith(".br")) ?? "";
    fs.writeFileSync(path.join(cacheDir, brFile), "not brotli");
    const remade = new BuildCache(cacheDir).compress(raw);
    expect(remade.br.equals(made.br)).toBe(true);
  });

  it("without a folder (or one it cannot write) builds every time", async () => {
    const work = tempDir();
    const input = path.join(work, "a.css");
    fs.writeFileSync(input, "still");
    const builder = upperCaser(input);
    await new BuildCache(undefined).get("a.css", "v1", builder.build);
    fs.writeFileSync(path.join(work, "file"), "");
    const unwritable = path.join(work, "file", "cache"); // under a file: mkdir fails
    await new BuildCache(unwritable).get("a.css", "v1", builder.build);
    await new BuildCache(unwritable).get("a.css", "v1", builder.build);
    expect(builder.runs()).toBe(3);
  });
});
