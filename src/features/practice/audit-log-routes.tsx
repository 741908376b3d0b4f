import { inArray } from "drizzle-orm";
import type { FastifyInstance } from "fastify";
import type { AppContext } from "../../app-context.ts";
import { recordAudit } from "../../platform/audit/record-audit.ts";
import type { Database } from "../../platform/db/database.ts";
import type { KeyRing } from "../../platform/security/field-encryption.ts";
import { dateInputFormat } from "../../platform/web/date-input.ts";
import { renderPage } from "../../platform/web/render-page.ts";
import { sendPrivate } from "../../platform/web/send-private.ts";
import { clients } from "../accounts/clients/client.schema.ts";
import { openClientField } from "../accounts/clients/client-crypto.ts";
import { therapistOf } from "../accounts/signed-in-actor.ts";
import { therapists } from "../accounts/therapist.schema.ts";
import { AuditLogPage, type Party } from "./audit-log-page.tsx";
import {
  type AuditRow,
  listAuditActions,
  parseAuditQuery,
  queryAuditLog,
  referencePattern,
} from "./audit-log-query.ts";

export function registerAuditLogRoutes(app: FastifyInstance, { db, site, keys }: AppContext): void {
  app.get("/practice/audit", { config: { access: "owner" } }, async (request, reply) => {
    const viewer = therapistOf(request);
    const actions = await listAuditActions(db);
    const query = parseAuditQuery(request.query, viewer.timeZone, actions, dateInputFormat(site.practice));
    const page = await queryAuditLog(db, query.filters, { after: query.after });
    const parties = await nameParties(db, keys, viewer.id, page.rows);
    // Reading the log is itself on the record, with the client or therapist looked into, if any.
    await recordAudit(db, {
      actor: `therapist:${viewer.id}`,
      action: "audit-log.viewed",
      ...(query.filters.subject ? { subject: query.filters.subject } : {}),
    });
    return sendPrivate(
      reply,
      renderPage(
        <AuditLogPage
          site={site}
          timeZone={viewer.timeZone}
          actions={actions}
          query={query}
          rows={page.rows}
          next={page.next}
          parties={parties}
        />,
      ),
    );
  });
}

/**
 * Who each "therapist:<id>" and "client:<id>" on the page is. The owner reads a client's name only
 * for their own clients: anyone else's client is named by their therapist and a short reference,
 * because the owner sees a client's data only as that client's therapist.
 */
async function nameParties(
  db: Database,
  keys: KeyRing,
  ownerId: string,
  rows: AuditRow[],
): Promise<Map<string, Party>> {
  const references = new Set(rows.flatMap((row) => [row.actor, row.subject ?? ""]));
  const ids = { therapist: new Set<string>(), client: new Set<string>() };
  for (const reference of references) {
    const [, kind, id] = referencePattern.exec(reference) ?? [];
    if (id && (kind === "therapist" || kind === "client")) ids[kind].add(id);
  }
  const clientRows = ids.client.size
    ? await db
        .select({ id: clients.id, therapistId: clients.therapistId, nameEncrypted: clients.nameEncrypted })
        .from(clients)
        .where(inArray(clients.id, [...ids.client]))
    : [];
  for (const client of clientRows) ids.therapist.add(client.therapistId);
  const therapistRows = ids.therapist.size
    ? await db
        .select({ id: therapists.id, displayName: therapists.displayName })
        .from(therapists)
        .where(inArray(therapists.id, [...ids.therapist]))
    : [];
  const therapistName = new Map(therapistRows.map((t) => [t.id, t.displayName]));

  const parties = new Map<string, Party>();
  for (const id of ids.therapist) {
    const name = therapistName.get(id);
    parties.set(
      `therapist:${id}`,
      name ? { kind: "therapist", name } : { kind: "unknown-therapist", ref: id.slice(0, 8) },
    );
  }
  for (const id of ids.client) parties.set(`client:${id}`, { kind: "unknown-client", ref: id.slice(0, 8) });
  for (const client of clientRows) {
    const ref = client.id.slice(0, 8);
    const party: Party =
      client.therapistId === ownerId
        ? ownClient(keys, client.id, client.nameEncrypted)
        : { kind: "client-of", therapistName: therapistName.get(client.therapistId) ?? "", ref };
    parties.set(`client:${client.id}`, party);
  }
  return parties;
}

/** The owner's own client by name; if the name cannot be read (a key gone), by reference instead of a 500. */
function ownClient(keys: KeyRing, id: string, stored: string): Party {
  try {
    return { kind: "own-client", name: openClientField(keys, id, "name_encrypted", stored) };
  } catch {
    return { kind: "unknown-client", ref: id.slice(0, 8) };
  }
}
