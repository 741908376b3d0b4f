import { recordAudit } from "../../platform/audit/record-audit.ts";
import { writeSetting } from "../../platform/db/app-settings.ts";
import type { Database } from "../../platform/db/database.ts";
import { applyDemoMode } from "./demo-data.ts";

/**
 * The owner's "remove the demo data": every demo row goes, and demo mode stays off at the next start
 * (unless HAVEN_DEMO=1 is set, which always wins).
 */
export async function removeDemoData(db: Database, ownerId: string): Promise<void> {
  await writeSetting(db, "demo_mode", false);
  await applyDemoMode(db, false, "", "UTC");
  await recordAudit(db, { actor: `therapist:${ownerId}`, action: "practice.demo-data-removed" });
}
