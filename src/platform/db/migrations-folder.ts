import path from "node:path";
import { projectRoot } from "../../config.ts";

export const migrationsFolder = path.join(projectRoot, "migrations");

/** Any fixed number works, as long as every Haven instance uses the same one. */
export const migrationLockId = 7_341_202_611;

/** Start-up writes (demo data, article sync) take this for their transaction, so instances starting together take turns. */
export const startupWriteLockId = 7_341_202_612;
