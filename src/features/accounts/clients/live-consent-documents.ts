import type { LivePracticeSettings } from "../../practice-settings/live-practice-settings.ts";
import type { PracticeSettings } from "../../practice-settings/practice-settings.types.ts";
import { type ConsentDocument, consentDocument } from "./consent-documents.ts";

/**
 * The consent documents in force under these settings: each listed document with its stored Markdown
 * (record 059), or the file's text read at start while none is stored. A document with neither has no
 * words to show, so it is left out rather than shown empty.
 */
export function consentDocumentsOf(
  settings: PracticeSettings,
  fromFiles: readonly ConsentDocument[],
): ConsentDocument[] {
  return settings.consentDocuments.flatMap(({ id, title }) => {
    const stored = settings.consentTexts?.[id];
    if (stored !== undefined) return [consentDocument(id, title, stored)];
    const file = fromFiles.find((document) => document.id === id);
    return file ? [{ ...file, title }] : [];
  });
}

/** The consent documents as this instance holds them now, rebuilt only when the settings' version changes. */
export type LiveConsentDocuments = { readonly current: ConsentDocument[]; readonly settingsVersion: number };

export function liveConsentDocuments(
  settings: LivePracticeSettings,
  fromFiles: readonly ConsentDocument[],
): LiveConsentDocuments {
  let held: { version: number; documents: ConsentDocument[] } | undefined;
  return {
    get current() {
      if (held?.version !== settings.version)
        held = { version: settings.version, documents: consentDocumentsOf(settings.current, fromFiles) };
      return held.documents;
    },
    get settingsVersion() {
      return settings.version;
    },
  };
}
