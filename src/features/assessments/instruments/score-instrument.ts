import {
  type CutOff,
  type InstrumentDefinition,
  itemRange,
  meanTo2,
  subscaleRange,
} from "./instrument-definition.ts";

/**
 * Pure scoring: answers in, continuous scores and cut-off results out. It reports numbers and the
 * definition's own cut-off wording, never a label for the person.
 */

export type Answers = Record<string, number | undefined>;

export type SubscaleScore = {
  id: string;
  title: string;
  method: "mean" | "sum";
  /** null when more items are missing than the definition's missing rule allows. */
  score: number | null;
  min: number;
  max: number;
  complete: boolean;
  missingItems: string[];
};

export type CutOffResult = {
  id: string;
  subscale: string;
  value: number;
  direction: CutOff["direction"];
  /** null when the subscale has no score. */
  met: boolean | null;
  wording: string;
  verify: boolean;
};

export type OverallResult =
  | { kind: "dimensional" }
  | { kind: "total"; subscale: string; score: number | null }
  | { kind: "screen"; result: "positive" | "negative" | "incomplete" };

export type InstrumentScore = {
  instrumentId: string;
  subscales: SubscaleScore[];
  cutOffs: CutOffResult[];
  overall: OverallResult;
};

export class InstrumentAnswerError extends Error {
  constructor(
    readonly instrumentId: string,
    readonly problems: { itemId: string; message: string }[],
  ) {
    super(
      `Some answers to ${instrumentId} cannot be scored: ${problems.map((p) => `${p.itemId} ${p.message}`).join("; ")}.`,
    );
    this.name = "InstrumentAnswerError";
  }
}

function checkAnswers(definition: InstrumentDefinition, answers: Answers): void {
  const items = new Set(definition.items);
  const problems: { itemId: string; message: string }[] = [];
  for (const [itemId, value] of Object.entries(answers)) {
    if (value === undefined) continue;
    if (!items.has(itemId)) {
      problems.push({ itemId, message: `is not an item of ${definition.id}` });
      continue;
    }
    const { min, max } = itemRange(definition, itemId);
    if (!Number.isInteger(value)) {
      problems.push({ itemId, message: `is ${value}, but answers are whole numbers from ${min} to ${max}` });
    } else if (value < min || value > max) {
      problems.push({ itemId, message: `is ${value}, but answers run from ${min} to ${max}` });
    }
  }
  if (problems.length > 0) throw new InstrumentAnswerError(definition.id, problems);
}

/** The scored value of one answer: a reverse-keyed item counts (min + max) − x. */
function keyed(definition: InstrumentDefinition, itemId: string, value: number): number {
  if (!definition.reverseKeyed.includes(itemId)) return value;
  const { min, max } = itemRange(definition, itemId);
  return min + max - value;
}

/**
 * Whether a cut-off is met, decided whenever the missing answers could not change it: one yes on a
 * screen is positive even if another question was skipped (hiding it would be unsafe).
 */
function cutOffMet(cutOff: CutOff, bounds: Bounds | undefined): boolean | null {
  if (!bounds) return null;
  const [low, high] =
    cutOff.direction === "below"
      ? [bounds.low < cutOff.value, bounds.high < cutOff.value]
      : [bounds.low >= cutOff.value, bounds.high >= cutOff.value];
  return low === high ? low : null;
}

/** The lowest and highest the subscale's score could be, whatever the missing answers are. */
type Bounds = { low: number; high: number };

export function scoreInstrument(definition: InstrumentDefinition, answers: Answers): InstrumentScore {
  checkAnswers(definition, answers);
  const allowedMissing = definition.missingRule.maxMissingPerSubscale;
  const bounds = new Map<string, Bounds>();

  const subscales = definition.subscales.map((subscale): SubscaleScore => {
    const missingItems = subscale.items.filter((itemId) => answers[itemId] === undefined);
    const answered = subscale.items.filter((itemId) => answers[itemId] !== undefined);
    const total = answered.reduce(
      (sum, itemId) => sum + keyed(definition, itemId, answers[itemId] as number),
      0,
    );
    const range = subscaleRange(
      subscale.method,
      subscale.items.map((itemId) => itemRange(definition, itemId)),
    );
    let score: number | null = null;
    if (missingItems.length <= allowedMissing && answered.length > 0) {
      score = subscale.method === "sum" ? total : meanTo2(total, answered.length);
      bounds.set(subscale.id, { low: score, high: score });
    } else if (subscale.method === "sum") {
      const missing = subscaleRange(
        "sum",
        missingItems.map((itemId) => itemRange(definition, itemId)),
      );
      bounds.set(subscale.id, { low: total + missing.min, high: total + missing.max });
    }
    return {
      id: subscale.id,
      title: subscale.title,
      method: subscale.method,
      score,
      min: range.min,
      max: range.max,
      complete: missingItems.length === 0,
      missingItems,
    };
  });

  const cutOffs = definition.cutOffs.map(
    (cutOff): CutOffResult => ({
      id: cutOff.id,
      subscale: cutOff.subscale,
      value: cutOff.value,
      direction: cutOff.direction,
      met: cutOffMet(cutOff, bounds.get(cutOff.subscale)),
      wording: cutOff.wording,
      verify: cutOff.verify === true,
    }),
  );
  const scoreOf = (subscaleId: string) => subscales.find((s) => s.id === subscaleId)?.score ?? null;
  return {
    instrumentId: definition.id,
    subscales,
    cutOffs,
    overall: overallResult(definition, scoreOf, cutOffs),
  };
}

function overallResult(
  definition: InstrumentDefinition,
  scoreOf: (subscaleId: string) => number | null,
  cutOffs: CutOffResult[],
): OverallResult {
  const overall = definition.overall;
  if (overall.kind === "dimensional") return { kind: "dimensional" };
  if (overall.kind === "total") {
    return { kind: "total", subscale: overall.subscale, score: scoreOf(overall.subscale) };
  }
  const met = cutOffs.find((c) => c.id === overall.cutOff)?.met ?? null;
  return { kind: "screen", result: met === null ? "incomplete" : met ? "positive" : "negative" };
}
