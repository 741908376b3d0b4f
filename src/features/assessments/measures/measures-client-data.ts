import { and, eq, isNull } from "drizzle-orm";
import type { ClientDataTable } from "../../../platform/privacy/client-data.ts";
import { loadInstrumentDefinitions } from "../instruments/definitions/index.ts";
import type { InstrumentDefinition } from "../instruments/instrument-definition.ts";
import type { Answers } from "../instruments/score-instrument.ts";
import { answerLines } from "./answer-lines.ts";
import { measureAssignments } from "./measure-assignment.schema.ts";
import { measuresOf } from "./measure-assignments.ts";
import { measureSchedules } from "./measure-schedule.schema.ts";
import { isSafetyScreen, measureWording } from "./measure-wording.ts";
import { therapistMeasureMessages } from "./messages.ts";

const definitions = loadInstrumentDefinitions();
const weekdays = therapistMeasureMessages.weekdays;
const safetyScreens = new Set(definitions.filter(isSafetyScreen).map((d) => d.id));

/**
 * Each answer as one line of plain text ("1. question: answer"), readable on the page and in the file
 * alike. Haven's own questionnaires carry their questions; a published one's wording lives in the
 * practice's pack, which the register does not hold, so its questions are named by number.
 */
function readableAnswers(
  definition: InstrumentDefinition | undefined,
  answers: Answers | null,
): string[] | null {
  if (!answers) return null;
  if (!definition) return Object.entries(answers).map(([item, value]) => `${item}: ${value ?? "—"}`);
  // answerLines leaves out a safety question inside a questionnaire (DOMAIN.md §4): never in the file.
  return answerLines(definition, measureWording(definition, undefined), answers).map(
    (line) => `${line.question}: ${line.answer}`,
  );
}

/** Measures a client answered for their therapist. */
export const measuresClientData: ClientDataTable[] = [
  {
    table: "measure_assignments",
    policy: "measure",
    title: "Questionnaires you answered",
    async export(db, ring, clientId) {
      // A screen for harm from a partner stays out of a file that may be opened on a shared device
      // (DOMAIN.md §4: safety answers are never shown again); the therapist can go through it with them.
      return (await measuresOf(db, ring, clientId))
        .filter((measure) => !safetyScreens.has(measure.instrumentId))
        .map((measure) => {
          const definition = definitions.find((d) => d.id === measure.instrumentId);
          return {
            questionnaire: definition?.title ?? measure.instrumentId,
            askedAt: measure.assignedAt.toISOString(),
            answeredAt: measure.answeredAt?.toISOString() ?? null,
            answers: readableAnswers(definition, measure.answers),
          };
        });
    },
    erasure: {
      goesNow: "Questionnaires you have not answered yet",
      kept: "Your answers to questionnaires your therapist asked for",
    },
    async erase(tx, clientId) {
      const deleted = await tx
        .delete(measureAssignments)
        .where(and(eq(measureAssignments.clientId, clientId), isNull(measureAssignments.answeredAt)))
        .returning({ id: measureAssignments.id });
      return deleted.length;
    },
  },
  {
    table: "measure_schedules",
    policy: "measure",
    title: "Questionnaires you are asked every week",
    async export(db, _ring, clientId) {
      const rows = await db.select().from(measureSchedules).where(eq(measureSchedules.clientId, clientId));
      return rows.map((row) => ({
        questionnaire: definitions.find((d) => d.id === row.instrumentId)?.title ?? row.instrumentId,
        weekday: weekdays[row.weekday - 1] ?? row.weekday,
        since: row.createdAt.toISOString(),
        stopped: row.stoppedAt?.toISOString() ?? null,
      }));
    },
    erasure: { goesNow: "Questionnaires your therapist asked for every week: nothing more is asked" },
    async erase(tx, clientId) {
      const deleted = await tx
        .delete(measureSchedules)
        .where(eq(measureSchedules.clientId, clientId))
        .returning({ id: measureSchedules.id });
      return deleted.length;
    },
  },
];
