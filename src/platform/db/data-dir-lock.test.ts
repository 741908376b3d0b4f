import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { acquireDataDirLock, DataDirLockedError } from "./data-dir-lock.ts";

const dirs: string[] = [];
function tempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "haven-lock-"));
  dirs.push(dir);
  return dir;
}
afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

describe("acquireDataDirLock", () => {
  it("keeps the data folder to this user alone, tightening an existing open one", () => {
    const dir = tempDir();
    fs.chmodSync(dir, 0o755);
    const lock = acquireDataDirLock(dir);
    expect(fs.statSync(dir).mode & 0o777).toBe(0o700);
    lock.release();
  });

  it("refuses a second owner while the first holds the lock, and frees it on release", () => {
    const dir = tempDir();
    const lock = acquireDataDirLock(dir);
    expect(() => acquireDataDirLock(dir)).toThrow(DataDirLockedError);
    expect(() => acquireDataDirLock(dir)).toThrow(/Stop Haven first/);
    lock.release();
    acquireDataDirLock(dir).release();
  });

  it("takes over a stale lock left by a process that has gone", () => {
    const dir = tempDir();
    // A real pid that is certainly dead: a child that has already exited.
    const child = spawnSync(process.execPath, ["-e", "process.stdout.write(String(process.pid))"]);
    fs.writeFileSync(path.join(dir, "haven.lock"), child.stdout.toString());
    const lock = acquireDataDirLock(dir);
    expect(fs.readFileSync(path.join(dir, "haven.lock"), "utf8").trim()).toBe(String(process.pid));
    lock.release();
    expect(fs.existsSync(path.join(dir, "haven.lock"))).toBe(false);
  });

  it("treats a lock naming its own or its parent's pid as left by an earlier life (container restart)", () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, "haven.lock"), `${process.ppid}\n`);
    const lock = acquireDataDirLock(dir);
    expect(lock.takenOverFromPid).toBe(process.ppid);
    lock.release();
  });

  it("takes over a half-written lock file", () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, "haven.lock"), "");
    acquireDataDirLock(dir).release();
  });
});
