import type { Logger } from "pino";
import type { Config } from "../config.ts";
import { consentDocumentsOf } from "../features/accounts/clients/live-consent-documents.ts";
import { recordConsentVersions } from "../features/accounts/clients/record-consent-versions.ts";
import { syncArticles } from "../features/articles/sync-articles.ts";
import { applyDemoMode, hasDemoRows, resolveDemoMode } from "../features/demo/demo-data.ts";
import { importPracticeSettings, type StoredSettings } from "../features/practice-settings/settings-store.ts";
import type { DatabaseHandle } from "../platform/db/database.ts";
import { migrationsUpToDate } from "../platform/db/migrations-up-to-date.ts";
import type { KeyRing } from "../platform/security/field-encryption.ts";
import { resolveSecretKey, secretKeys } from "../platform/security/secret-key.ts";
import { verifySecretKey } from "../platform/security/verify-secret-key.ts";
import type { StartupFiles } from "./load-startup-files.ts";
import type { StartupPhases } from "./startup-phases.ts";

export type PreparedDatabase = { keys: KeyRing; demo: boolean; practice: StoredSettings };

/** Migrations, the key check, demo data and the articles: everything the database needs before serving. */
export async function prepareDatabase(
  handle: DatabaseHandle,
  config: Config,
  files: StartupFiles,
  options: { freshEmbedded: boolean; logger: Logger; phases?: StartupPhases | undefined },
): Promise<PreparedDatabase> {
  const phases = options.phases;
  // The migrator reads and hashes every migration; a start that has nothing to apply skips it (record 063).
  if (!(await migrationsUpToDate(handle.db))) await handle.migrate();
  phases?.mark("migrations");
  const { secret, source } = resolveSecretKey(config.secretKey, config.dataDir);
  const keys = secretKeys(secret);
  const previous = config.previousSecretKey ? secretKeys(config.previousSecretKey) : undefined;
  await verifySecretKey(handle.db, keys, previous, source);
  phases?.mark("keyCheck");
  const demo = await resolveDemoMode(handle.db, {
    requested: config.demo,
    freshEmbedded: options.freshEmbedded,
  });
  // The file (or the demo) is the first import; from then on the database holds the settings (record 053).
  // The privacy and accessibility pages' files, and the consent documents' files, are imported the same
  // way (record 059).
  const practice = await importPracticeSettings(handle.db, {
    ...files.practice,
    pageTexts: files.practice.pageTexts ?? files.pageTexts,
    consentTexts:
      files.practice.consentTexts ??
      Object.fromEntries(files.consentDocuments.map((document) => [document.id, document.markdown])),
  });
  // The exact words of each consent document in force, which clients' acceptances point at (record 059).
  await recordConsentVersions(handle.db, consentDocumentsOf(practice.settings, files.consentDocuments));
  phases?.mark("settings");
  const therapist = practice.settings.therapists[0]?.name ?? "Demo Therapist";
  await applyDemoMode(handle.db, demo, therapist, practice.settings.timeZone);
  phases?.mark("demo");
  const report = await syncArticles(handle.db, files.articleFiles, demo);
  options.logger.info({ ...report }, "articles synchronised");
  const hasDemo = demo || (await hasDemoRows(handle.db));
  phases?.mark("articles");
  return { keys: { current: keys, previous }, demo: hasDemo, practice };
}
