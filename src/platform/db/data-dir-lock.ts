import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";

export class DataDirLockedError extends Error {
  constructor(
    readonly dataDir: string,
    readonly ownerPid: number,
  ) {
    super(
      `Another Haven process (pid ${ownerPid}) is already using the data directory ${dataDir}. Stop Haven first, or point HAVEN_DATA_DIR somewhere else.`,
    );
    this.name = "DataDirLockedError";
  }
}

export type DataDirLock = { release(): void; takenOverFromPid: number | undefined };

/** Locks this process holds, so a second open in the same process is refused rather than taken over. */
const heldHere = new Set<string>();

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else — still alive.
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

function readOwner(file: string): number | undefined {
  try {
    const pid = Number.parseInt(fs.readFileSync(file, "utf8").trim(), 10);
    return Number.isInteger(pid) && pid > 0 ? pid : undefined;
  } catch {
    return undefined;
  }
}

/** Creates the lock file with our pid already inside, atomically (link fails if it exists). */
function tryCreate(lockPath: string): boolean {
  const temp = `${lockPath}.${process.pid}.${randomBytes(4).toString("hex")}`;
  fs.writeFileSync(temp, `${process.pid}\n`, { mode: 0o600 });
  try {
    fs.linkSync(temp, lockPath);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "EEXIST") return false;
    throw error;
  } finally {
    fs.rmSync(temp, { force: true });
  }
}

/**
 * A lock is stale when its process is gone. In a container, pids repeat after a restart, so a lock
 * naming our own pid or our parent's (npm, tsx) was left by an earlier life of this container.
 */
function isStale(owner: number | undefined): boolean {
  return owner === undefined || owner === process.pid || owner === process.ppid || !isAlive(owner);
}

/**
 * One process owns an embedded data dir: two PGlite instances on one directory corrupt it.
 * The lock file holds the owner's pid; a stale lock (a crash, a kill -9) is moved aside and taken over.
 */
export function acquireDataDirLock(dataDir: string): DataDirLock {
  fs.mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  // The database files inside are written world-readable by PGlite; a private folder keeps other
  // users on the machine out of all of them (an older install's folder is tightened here too).
  fs.chmodSync(dataDir, 0o700);
  const lockPath = path.join(dataDir, "haven.lock");
  let takenOverFromPid: number | undefined;
  for (let attempt = 0; attempt < 5; attempt++) {
    if (heldHere.has(lockPath)) throw new DataDirLockedError(dataDir, process.pid);
    if (tryCreate(lockPath)) {
      heldHere.add(lockPath);
      return {
        takenOverFromPid,
        release() {
          heldHere.delete(lockPath);
          if (readOwner(lockPath) === process.pid) fs.rmSync(lockPath, { force: true });
        },
      };
    }
    const owner = readOwner(lockPath);
    if (!isStale(owner)) throw new DataDirLockedError(dataDir, owner as number);
    // Move the stale lock aside, then check it is still the one we judged: another process may
    // have taken it over in between, and then it must go back.
    const aside = `${lockPath}.stale.${randomBytes(4).toString("hex")}`;
    try {
      fs.renameSync(lockPath, aside);
    } catch {
      continue; // it vanished: someone released or moved it; try again
    }
    if (readOwner(aside) === owner) {
      fs.rmSync(aside, { force: true });
      takenOverFromPid = owner;
    } else {
      try {
        fs.linkSync(aside, lockPath);
      } catch {}
      fs.rmSync(aside, { force: true });
    }
  }
  throw new Error(`Could not take the lock on ${dataDir}; please try again.`);
}
