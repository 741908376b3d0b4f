import type { z } from "zod";
import { recordAudit } from "../../platform/audit/record-audit.ts";
import type { Database } from "../../platform/db/database.ts";
import type { FieldErrors } from "../../platform/web/form-post.ts";
import { type PracticeSettings, practiceSettingsSchema } from "./practice-settings.types.ts";
import { lockPracticeSettings, type StoredSettings, writePracticeSettings } from "./settings-store.ts";

/** A change worked out from the settings as they are: the whole new settings, or why not. */
export type SettingsChange = (
  current: PracticeSettings,
) => { ok: true; next: PracticeSettings } | { ok: false; errors: FieldErrors };

export type SaveSettings = {
  therapistId: string;
  /** The version the form was made from: a save by someone else in between is not overwritten. */
  expectedVersion: number;
  /** What was changed, for the audit log ("details", "help-line.add"…); never the values. */
  part: string;
  change: SettingsChange;
  /** Where a problem the whole settings' schema finds is shown (the form's own fields were checked). */
  fieldFor: (issue: z.core.$ZodIssue) => [field: string, message: string];
  /** What must be written with the settings or not at all (a consent document's new version, record 059). */
  alsoInTransaction?: (tx: Database, next: PracticeSettings) => Promise<void>;
};

export type SaveResult =
  | { ok: true; stored: StoredSettings }
  | { ok: false; stale: true }
  | { ok: false; stale: false; errors: FieldErrors };

/**
 * Locks the settings, applies the change, checks the whole of them with the settings' schema, stores
 * them as the next version and audits the save, in one transaction: all of it or nothing.
 */
export async function savePracticeSettings(db: Database, save: SaveSettings): Promise<SaveResult> {
  return db.transaction(async (tx) => {
    const current = await lockPracticeSettings(tx);
    if (current.version !== save.expectedVersion) return { ok: false as const, stale: true as const };
    const changed = save.change(current.settings);
    if (!changed.ok) return { ok: false as const, stale: false as const, errors: changed.errors };
    const parsed = practiceSettingsSchema.safeParse(changed.next);
    if (!parsed.success) {
      const errors: FieldErrors = {};
      for (const issue of parsed.error.issues) {
        const [field, message] = save.fieldFor(issue);
        errors[field] ??= message;
      }
      return { ok: false as const, stale: false as const, errors };
    }
    const version = await writePracticeSettings(tx, parsed.data);
    await save.alsoInTransaction?.(tx, parsed.data);
    await recordAudit(tx, {
      actor: `therapist:${save.therapistId}`,
      action: "practice.settings.saved",
      subject: "practice-settings",
      detail: { part: save.part, version },
    });
    return { ok: true as const, stored: { settings: parsed.data, version } };
  });
}
