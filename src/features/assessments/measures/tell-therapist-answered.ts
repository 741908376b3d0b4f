import type { Database } from "../../../platform/db/database.ts";
import type { Notifier } from "../../notifications/notify-therapist.ts";
import type { InstrumentDefinition } from "../instruments/instrument-definition.ts";
import type { Answers } from "../instruments/score-instrument.ts";
import { isSafetyScreen, type MeasureWording } from "./measure-wording.ts";
import { saidYesToSafety } from "./safety-answers.ts";
import { isPositiveScreen, scoreMeasure } from "./score-measure.ts";

/**
 * Pure: what the therapist is told when a questionnaire is answered — a positive screen for harm
 * (never which answers), a "yes" to a safety question inside a questionnaire, or simply that it was
 * answered.
 */
export function answeredNoticeKind(
  definition: InstrumentDefinition,
  answered: { answers: Answers; declined: boolean; wording: MeasureWording["source"] },
): "positive-screen" | "safety-answer" | "measure-answered" {
  if (saidYesToSafety(definition, answered.answers)) return "safety-answer";
  if (!isSafetyScreen(definition)) return "measure-answered";
  const outcome = scoreMeasure(definition, { answeredAt: new Date(0), ...answered });
  return isPositiveScreen(outcome) ? "positive-screen" : "measure-answered";
}

export async function tellTherapistAnswered(
  db: Database,
  notifier: Notifier,
  input: {
    definition: InstrumentDefinition;
    measureId: string;
    client: { id: string; therapistId: string };
    answers: Answers;
    declined: boolean;
    /** The wording answered: placeholder wording is never scored, so never flags (HAZ-031). */
    wording: MeasureWording["source"];
  },
): Promise<void> {
  const kind = answeredNoticeKind(input.definition, input);
  await notifier.notify(db, {
    therapistId: input.client.therapistId,
    clientId: input.client.id,
    kind,
    dedupeKey: `${kind}:${input.measureId}`,
  });
}
