import { and, eq, isNull, max } from "drizzle-orm";
import { recordAudit } from "../../../platform/audit/record-audit.ts";
import type { Database } from "../../../platform/db/database.ts";
import { clients } from "../../accounts/clients/client.schema.ts";
import { type AssignRules, assignMeasure } from "./assign-measure.ts";
import { measureAssignments } from "./measure-assignment.schema.ts";
import { measureSchedules } from "./measure-schedule.schema.ts";
import { measureReadiness } from "./measure-wording.ts";
import { isDue } from "./schedule-due.ts";

export type MeasureSchedule = typeof measureSchedules.$inferSelect;

export type ScheduleOutcome =
  | { ok: true; id: string }
  | { ok: false; reason: "not-ready" | "example-wording" | "client-not-open" | "already-scheduled" };

/** The schedules still asking, for one client. */
export async function runningSchedules(db: Database, clientId: string): Promise<MeasureSchedule[]> {
  return db
    .select()
    .from(measureSchedules)
    .where(and(eq(measureSchedules.clientId, clientId), isNull(measureSchedules.stoppedAt)));
}

/**
 * Makes this week's asking of each running schedule that is due. Called whenever the client opens their
 * space or the therapist the record, so what is due is there without a clock job; `assignMeasure` locks
 * the client's row and refuses a second waiting copy, so two pages at once ask once.
 */
export async function askScheduledMeasures(
  db: Database,
  rules: AssignRules,
  clientId: string,
  timeZone: string,
  now = new Date(),
): Promise<void> {
  for (const schedule of await runningSchedules(db, clientId)) {
    // Any asking of the same measure counts, so one asked by hand this week is this week's.
    const [last] = await db
      .select({ at: max(measureAssignments.assignedAt) })
      .from(measureAssignments)
      .where(
        and(
          eq(measureAssignments.clientId, clientId),
          eq(measureAssignments.instrumentId, schedule.instrumentId),
        ),
      );
    if (!isDue(schedule, last?.at ?? null, now, timeZone)) continue;
    // Refusals are fine here: last week's still waiting is this week's to answer; a closed account is asked nothing.
    await assignMeasure(
      db,
      rules,
      {
        clientId,
        therapistId: schedule.therapistId,
        instrumentId: schedule.instrumentId,
        resultsShownToClient: schedule.resultsShownToClient,
        scheduleId: schedule.id,
      },
      now,
    );
  }
}

/** Starts asking a client for a measure every week on `weekday`; the first asking is made at once. */
export async function scheduleMeasure(
  db: Database,
  rules: AssignRules,
  input: {
    clientId: string;
    therapistId: string;
    instrumentId: string;
    weekday: number;
    resultsShownToClient: boolean;
  },
  timeZone: string,
  now = new Date(),
): Promise<ScheduleOutcome> {
  const definition = rules.instruments.find((d) => d.id === input.instrumentId);
  const readiness = definition ? measureReadiness(definition, rules.pack, rules.demo) : undefined;
  if (readiness?.kind === "example-wording") return { ok: false, reason: "example-wording" };
  if (readiness?.kind !== "ready") return { ok: false, reason: "not-ready" };
  const outcome = await db.transaction(async (tx): Promise<ScheduleOutcome> => {
    const [client] = await tx
      .select({ status: clients.status })
      .from(clients)
      .where(eq(clients.id, input.clientId))
      .for("update");
    if (!client || !["active", "invited"].includes(client.status))
      return { ok: false, reason: "client-not-open" };
    const [running] = (await runningSchedules(tx, input.clientId)).filter(
      (schedule) => schedule.instrumentId === input.instrumentId,
    );
    if (running) return { ok: false, reason: "already-scheduled" };
    const [row] = await tx
      .insert(measureSchedules)
      .values({ ...input, createdAt: now })
      .returning({ id: measureSchedules.id });
    await recordAudit(tx, {
      actor: `therapist:${input.therapistId}`,
      action: "measure.scheduled",
      subject: `client:${input.clientId}`,
    });
    return { ok: true, id: row?.id as string };
  });
  if (outcome.ok) await askScheduledMeasures(db, rules, input.clientId, timeZone, now);
  return outcome;
}

/** Stops a schedule: nothing more is asked; what was asked and answered stays. */
export async function stopSchedule(
  db: Database,
  input: { scheduleId: string; clientId: string; therapistId: string },
  now = new Date(),
): Promise<boolean> {
  const stopped = await db
    .update(measureSchedules)
    .set({ stoppedAt: now })
    .where(
      and(
        eq(measureSchedules.id, input.scheduleId),
        eq(measureSchedules.clientId, input.clientId),
        isNull(measureSchedules.stoppedAt),
      ),
    )
    .returning({ id: measureSchedules.id });
  if (stopped.length === 0) return false;
  await recordAudit(db, {
    actor: `therapist:${input.therapistId}`,
    action: "measure.schedule-stopped",
    subject: `client:${input.clientId}`,
  });
  return true;
}
