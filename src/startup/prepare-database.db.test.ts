import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { pino } from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestDatabase } from "../../test/support/test-database.ts";
import { loadConfig } from "../config.ts";
import { listArticles } from "../features/articles/article-queries.ts";
import { hasDemoRows } from "../features/demo/demo-data.ts";
import type { DatabaseHandle } from "../platform/db/database.ts";
import { WrongSecretKeyError } from "../platform/security/verify-secret-key.ts";
import { loadStartupFiles } from "./load-startup-files.ts";
import { prepareDatabase } from "./prepare-database.ts";

const logger = pino({ level: "silent" });
let handle: DatabaseHandle;
let dataDir: string;
beforeAll(async () => {
  handle = await openTestDatabase();
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "haven-prepare-"));
});
afterAll(async () => {
  await handle.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

function prepare(env: Record<string, string>, freshEmbedded = false) {
  const config = loadConfig({ HAVEN_DATA_DIR: dataDir, ...env });
  return prepareDatabase(handle, config, loadStartupFiles(config), { freshEmbedded, logger });
}

describe("prepareDatabase", () => {
  it("turns demo data on for a fresh embedded install and remembers the choice", async () => {
    expect((await prepare({}, true)).demo).toBe(true);
    expect(await hasDemoRows(handle.db)).toBe(true);
    expect((await listArticles(handle.db)).length).toBeGreaterThanOrEqual(5);
    expect((await prepare({}, false)).demo).toBe(true);
  });

  it("removes every demo row when HAVEN_DEMO=0", async () => {
    expect((await prepare({ HAVEN_DEMO: "0" })).demo).toBe(false);
    expect(await hasDemoRows(handle.db)).toBe(false);
    expect(await listArticles(handle.db)).toEqual([]);
  });

  it("stops start-up when the secret key is not the one the database was set up with", async () => {
    await expect(prepare({ HAVEN_SECRET_KEY: "b".repeat(64) })).rejects.toThrow(WrongSecretKeyError);
  });

  it("accepts a new key while the old one is given as HAVEN_SECRET_KEY_PREVIOUS", async () => {
    const original = fs.readFileSync(path.join(dataDir, "keys", "secret.key"), "utf8").trim();
    await expect(
      prepare({ HAVEN_SECRET_KEY: "c".repeat(64), HAVEN_SECRET_KEY_PREVIOUS: original }),
    ).resolves.toBeDefined();
  });

  describe("a wrong key says where the key came from and what to do", () => {
    const otherDirs: string[] = [];
    const anotherDataDir = () => {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), "haven-prepare-key-"));
      otherDirs.push(dir);
      return dir;
    };
    afterAll(() => {
      for (const dir of otherDirs) fs.rmSync(dir, { recursive: true, force: true });
    });
    const prepareIn = (dir: string, env: Record<string, string> = {}) => {
      const config = loadConfig({ HAVEN_DATA_DIR: dir, ...env });
      return prepareDatabase(handle, config, loadStartupFiles(config), { freshEmbedded: false, logger });
    };

    it("HAVEN_SECRET_KEY: names the variable", async () => {
      await expect(prepareIn(anotherDataDir(), { HAVEN_SECRET_KEY: "d".repeat(64) })).rejects.toThrow(
        /^HAVEN_SECRET_KEY does not match the key this database was set up with\. Set HAVEN_SECRET_KEY to the original key/,
      );
    });

    it("a key file: names the file, and says HAVEN_SECRET_KEY was not set", async () => {
      const dir = anotherDataDir();
      fs.mkdirSync(path.join(dir, "keys"), { mode: 0o700 });
      const keyFile = path.join(dir, "keys", "secret.key");
      fs.writeFileSync(keyFile, `${"e".repeat(64)}\n`, { mode: 0o600 });
      const refusal = prepareIn(dir);
      await expect(refusal).rejects.toThrow(WrongSecretKeyError);
      await expect(refusal).rejects.toThrow(`The key file ${keyFile} does not match`);
      await expect(refusal).rejects.toThrow("HAVEN_SECRET_KEY is not set");
    });

    it("no key at all (a restore without its key): says so, and leaves no new key file behind", async () => {
      const dir = anotherDataDir();
      const refusal = prepareIn(dir);
      await expect(refusal).rejects.toThrow(WrongSecretKeyError);
      await expect(refusal).rejects.toThrow(
        `there is no key file at ${path.join(dir, "keys", "secret.key")} (a backup never holds the key)`,
      );
      expect(fs.existsSync(path.join(dir, "keys", "secret.key"))).toBe(false);
    });
  });
});
