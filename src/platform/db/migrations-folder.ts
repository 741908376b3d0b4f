import path from "node:path";
import { projectRoot } from "../../config.ts";

export const migrationsFolder = path.join(projectRoot, "migrations");

/** Any fixed number works, as long as every Haven instance uses the same one. */
export const migrationLockId = 7_341_202_611;
