import { pgTable, primaryKey, text, timestamp } from "drizzle-orm/pg-core";

/**
 * Every text of each consent document that was ever in force (record 059): a client's acceptance
 * (`client_consents.document_id`, `version`) always resolves to the exact words they accepted. Rows are
 * only ever added. The practice's own wording, no client's data.
 */
export const consentDocumentVersions = pgTable(
  "consent_document_versions",
  {
    documentId: text("document_id").notNull(),
    version: text("version").notNull(),
    title: text("title").notNull(),
    markdown: text("markdown").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.documentId, t.version] })],
);
