import { and, asc, desc, eq, gte, like, lt, not, or, type SQL, sql } from "drizzle-orm";
import { Temporal } from "temporal-polyfill";
import { z } from "zod";
import { auditLog } from "../../platform/audit/audit.schema.ts";
import type { Database } from "../../platform/db/database.ts";
import { type DateInputFormat, dateInputExample, parseDateInput } from "../../platform/web/date-input.ts";

export const auditPageSize = 50;

export const actorKinds = ["therapist", "client", "anonymous", "other"] as const;
export type ActorKind = (typeof actorKinds)[number];

/** `from` is inclusive and `until` exclusive: exact instants, already converted from the viewer's dates. */
export type AuditFilters = {
  action?: string | undefined;
  actorKind?: ActorKind | undefined;
  subject?: string | undefined;
  from?: Date | undefined;
  until?: Date | undefined;
};

/**
 * Where the next page starts: the last row's time in whole microseconds (Postgres keeps microseconds,
 * a JavaScript Date only milliseconds, and a rounded cursor would skip rows) and its id.
 */
export type AuditCursor = { micros: string; id: string };

export type AuditRow = {
  id: string;
  at: Date;
  actor: string;
  action: string;
  subject: string | null;
  detail: unknown;
};

export type AuditPage = { rows: AuditRow[]; next: AuditCursor | undefined };

function conditions(filters: AuditFilters, after: AuditCursor | undefined): SQL[] {
  const where: SQL[] = [];
  if (filters.action) where.push(eq(auditLog.action, filters.action));
  if (filters.subject) where.push(eq(auditLog.subject, filters.subject));
  if (filters.from) where.push(gte(auditLog.at, filters.from));
  if (filters.until) where.push(lt(auditLog.at, filters.until));
  const kind = filters.actorKind;
  if (kind === "therapist" || kind === "client") where.push(like(auditLog.actor, `${kind}:%`));
  if (kind === "anonymous") where.push(eq(auditLog.actor, "anonymous"));
  if (kind === "other") {
    const known = or(
      like(auditLog.actor, "therapist:%"),
      like(auditLog.actor, "client:%"),
      eq(auditLog.actor, "anonymous"),
    );
    if (known) where.push(not(known));
  }
  if (after) {
    where.push(
      sql`(${auditLog.at}, ${auditLog.id}) < (timestamptz 'epoch' + ${after.micros}::bigint * interval '1 microsecond', ${after.id}::uuid)`,
    );
  }
  return where;
}

/** One page of entries, newest first, by keyset on (at, id) so paging stays fast and stable as rows arrive. */
export async function queryAuditLog(
  db: Database,
  filters: AuditFilters,
  page: { after?: AuditCursor | undefined; size?: number } = {},
): Promise<AuditPage> {
  const size = page.size ?? auditPageSize;
  const found = await db
    .select({
      id: auditLog.id,
      at: auditLog.at,
      actor: auditLog.actor,
      action: auditLog.action,
      subject: auditLog.subject,
      detail: auditLog.detail,
      micros: sql<string>`(extract(epoch from ${auditLog.at}) * 1000000)::bigint::text`,
    })
    .from(auditLog)
    .where(and(...conditions(filters, page.after)))
    .orderBy(desc(auditLog.at), desc(auditLog.id))
    .limit(size + 1);
  const rows = found.slice(0, size);
  const last = rows.at(-1);
  const next = found.length > size && last ? { micros: last.micros, id: last.id } : undefined;
  return { rows: rows.map(({ micros: _, ...row }) => row), next };
}

/** The kinds of entry the log holds, for the filter's choices. */
export async function listAuditActions(db: Database): Promise<string[]> {
  const rows = await db
    .selectDistinct({ action: auditLog.action })
    .from(auditLog)
    .orderBy(asc(auditLog.action));
  return rows.map((r) => r.action);
}

export const cursorText = (cursor: AuditCursor) => `${cursor.micros}_${cursor.id}`;

const uuidPattern = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";
const cursorSchema = z
  .string()
  .regex(new RegExp(`^\\d{1,17}_${uuidPattern}$`))
  .transform((s): AuditCursor => {
    const [micros = "", id = ""] = s.split("_");
    return { micros, id };
  });

/** Whether a stored reference names a record by uuid, so it is safe to look up in a uuid column. */
export const referencePattern = new RegExp(`^([a-z][a-z-]*):(${uuidPattern})$`);

export const filterMessages = {
  action: "There are no entries of that kind, so every kind is shown.",
  actor: "That isn't one of the choices, so everyone's entries are shown.",
  subject: "That reference looks incomplete, so entries about everyone are shown.",
  date: (example: string) =>
    `That doesn't look like a date, so it was left out. Please write it like ${example}.`,
  years: "Please choose a date between the years 2000 and 2999; this one was left out.",
  order: "This is before the “From” date, so it was left out. Please check the two dates.",
  cursor: "That page link was incomplete, so the newest entries are shown.",
} as const;

export type FilterField = "action" | "actor" | "subject" | "from" | "to";
/** What was in the address, kept so the form shows it again, whether or not it could be used. */
export type FilterInput = Record<FilterField, string>;

type Errors = Partial<Record<FilterField | "before", string>>;

export type ParsedAuditQuery = {
  filters: AuditFilters;
  input: FilterInput;
  errors: Errors;
  after: AuditCursor | undefined;
};

/** A date typed in the practice's format (or ISO, as older links have it) within the log's possible years. */
function calendarDate(text: string, format: DateInputFormat): Temporal.PlainDate | "date" | "years" {
  const parsed = parseDateInput(text, format);
  if (!parsed.ok) return "date";
  const date = Temporal.PlainDate.from(parsed.isoDate);
  // Postgres has no year 0 and the log cannot be older than Haven: a far-off year is a slip.
  return date.year < 2000 || date.year > 2999 ? "years" : date;
}

const fields = {
  action: (knownActions: readonly string[]) =>
    z.string().refine((action) => knownActions.includes(action), filterMessages.action),
  actor: z.enum(actorKinds, { error: filterMessages.actor }),
  subject: z.string().toLowerCase().regex(referencePattern, filterMessages.subject),
  date: (format: DateInputFormat) =>
    z.string().transform((text, ctx) => {
      const date = calendarDate(text, format);
      if (date instanceof Temporal.PlainDate) return date;
      const message = date === "date" ? filterMessages.date(dateInputExample(format)) : filterMessages.years;
      ctx.addIssue({ code: "custom", message });
      return z.NEVER;
    }),
};

/** The field's value if it is set and usable; its message in `errors` if it is set and is not. */
function usable<T>(schema: z.ZodType<T, string>, name: FilterField, input: FilterInput, errors: Errors) {
  if (!input[name]) return undefined;
  const parsed = schema.safeParse(input[name]);
  if (parsed.success) return parsed.data;
  errors[name] = parsed.error.issues[0]?.message;
  return undefined;
}

const startOfDay = (date: Temporal.PlainDate, timeZone: string) =>
  new Date(date.toZonedDateTime({ timeZone }).epochMilliseconds);

const textOf = (value: unknown) => (typeof value === "string" ? value.trim().slice(0, 200) : "");

/**
 * Reads the filters from the query string. A value that cannot be used is left out and explained
 * beside its field; the rest still apply. Dates are the viewer's calendar days in their own zone.
 */
export function parseAuditQuery(
  query: unknown,
  timeZone: string,
  knownActions: readonly string[],
  dateFormat: DateInputFormat,
): ParsedAuditQuery {
  const raw = (query ?? {}) as Record<string, unknown>;
  const input: FilterInput = {
    action: textOf(raw.action),
    actor: textOf(raw.actor),
    subject: textOf(raw.subject),
    from: textOf(raw.from),
    to: textOf(raw.to),
  };
  const errors: Errors = {};
  const from = usable(fields.date(dateFormat), "from", input, errors);
  let to = usable(fields.date(dateFormat), "to", input, errors);
  if (from && to && Temporal.PlainDate.compare(to, from) < 0) {
    errors.to = filterMessages.order;
    to = undefined;
  }
  const filters: AuditFilters = {
    action: usable(fields.action(knownActions), "action", input, errors),
    actorKind: usable(fields.actor, "actor", input, errors),
    subject: usable(fields.subject, "subject", input, errors),
    from: from && startOfDay(from, timeZone),
    until: to && startOfDay(to.add({ days: 1 }), timeZone),
  };
  let after: AuditCursor | undefined;
  if (raw.before !== undefined) {
    const cursor = cursorSchema.safeParse(raw.before);
    if (cursor.success) after = cursor.data;
    else errors.before = filterMessages.cursor;
  }
  return { filters, input, errors, after };
}
