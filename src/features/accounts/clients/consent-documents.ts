import { createHash } from "node:crypto";
import { renderMarkdown } from "../../articles/render-markdown.ts";

/** One of the practice's consent documents as in force now (record 059). */
export type ConsentDocument = { id: string; title: string; html: string; version: string; markdown: string };

/** The practice's policy on secrets between partners: it only concerns partners in a couple. */
export const secretsBetweenPartnersId = "secrets-between-partners";

/**
 * The version a client accepts: the first 16 hex of the SHA-256 of the Markdown exactly as written
 * (not trimmed), so any change to the wording is a new version and an unchanged file keeps the
 * version clients already accepted.
 */
export function consentVersionOf(markdown: string): string {
  return createHash("sha256").update(markdown).digest("hex").slice(0, 16);
}

export function consentDocument(id: string, title: string, markdown: string): ConsentDocument {
  return { id, title, markdown, html: renderMarkdown(markdown).html, version: consentVersionOf(markdown) };
}

/**
 * The documents a client reads and accepts: every one, except that an individual client is never asked
 * to accept the policy on secrets between partners (it has no partner to concern).
 */
export function consentDocumentsFor(
  documents: readonly ConsentDocument[],
  client: { inCouple: boolean },
): ConsentDocument[] {
  return documents.filter((document) => client.inCouple || document.id !== secretsBetweenPartnersId);
}

/** A document a client is asked to accept: `changed` when they accepted an earlier wording of it. */
export type ConsentToAccept = { document: ConsentDocument; changed: boolean };

/**
 * Which of the documents that apply to a client they have not accepted as worded now: compared with
 * the version they accepted last (record 059), so going back to an older wording is asked again too.
 */
export function consentsToAccept(
  applicable: readonly ConsentDocument[],
  lastAccepted: ReadonlyMap<string, string>,
): ConsentToAccept[] {
  return applicable.flatMap((document) => {
    const accepted = lastAccepted.get(document.id);
    return accepted === document.version ? [] : [{ document, changed: accepted !== undefined }];
  });
}
