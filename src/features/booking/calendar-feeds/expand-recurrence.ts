import ICAL from "ical.js";

// Walks a recurring event's occurrences with ical.js's RecurExpansion (RRULE, RDATE and EXDATE), inside a
// budget. A feed is input we do not control, and some rules make ical.js 2.2.1 loop for ever — for example
// FREQ=DAILY;BYMONTH=2;BYMONTHDAY=30, which can never match (kewisch/ical.js#1038). Every candidate date
// ical.js considers passes through its iterators' check_contracting_rules, so counting there stops even a
// rule that never yields. The count also caps honest but long series (a daily meeting since 1990).

export interface ExpansionLimits {
  /** Candidate dates one series may cost; roughly two per occurrence that exists. */
  stepsPerSeries: number;
  /** Candidate dates the whole feed may cost, so a feed of many long series cannot stall the process. */
  stepsPerFeed: number;
}

export const defaultExpansionLimits: ExpansionLimits = { stepsPerSeries: 40_000, stepsPerFeed: 200_000 };

export class WorkLimitReached extends Error {
  override readonly name = "WorkLimitReached";
}

/** Thrown if a new ical.js no longer has the internals the guard relies on: fail loudly, never hang. */
export class ExpansionGuardUnavailable extends Error {
  override readonly name = "ExpansionGuardUnavailable";
}

export class WorkBudget {
  private seriesSteps = 0;
  private feedSteps = 0;

  constructor(private readonly limits: ExpansionLimits) {}

  startSeries(): void {
    this.seriesSteps = 0;
  }

  spend(): void {
    this.seriesSteps += 1;
    this.feedSteps += 1;
    if (this.seriesSteps > this.limits.stepsPerSeries || this.feedSteps > this.limits.stepsPerFeed) {
      throw new WorkLimitReached();
    }
  }
}

const MARGIN_MS = 2 * 86_400_000;

/**
 * The start of each occurrence, in order, for as long as the caller keeps asking. `horizon` is an instant
 * past which the caller has no interest; the rule's UNTIL is lowered to just beyond it so ical.js stops
 * there too (its set-up for a YEARLY rule otherwise searches up to the year 20000 for a first match). The
 * margin covers floating times, which ical.js compares as if they were UTC.
 */
export function* recurrenceStarts(
  master: ICAL.Component,
  dtstart: ICAL.Time,
  horizon: number,
  budget: WorkBudget,
): Generator<ICAL.Time> {
  capRules(master, ICAL.Time.fromJSDate(new Date(horizon + MARGIN_MS), true));
  const expansion = new ICAL.RecurExpansion({ component: master, dtstart });
  countIteratorSteps(expansion, budget);
  for (;;) {
    budget.spend();
    const next: ICAL.Time | undefined = expansion.next();
    if (!(next instanceof ICAL.Time)) return;
    yield next;
  }
}

function capRules(master: ICAL.Component, cap: ICAL.Time): void {
  for (const property of master.getAllProperties("rrule")) {
    const rule = property.getFirstValue();
    if (rule instanceof ICAL.Recur && (!rule.until || rule.until.compare(cap) > 0)) rule.until = cap;
  }
}

function countIteratorSteps(expansion: ICAL.RecurExpansion, budget: WorkBudget): void {
  // `ruleIterators` is private in ical.js's types but stable since 1.x; checked rather than trusted.
  const iterators: unknown = Reflect.get(expansion, "ruleIterators");
  if (!Array.isArray(iterators))
    throw new ExpansionGuardUnavailable("RecurExpansion.ruleIterators is missing");
  for (const iterator of iterators) {
    if (!(iterator instanceof ICAL.RecurIterator) || typeof iterator.check_contracting_rules !== "function") {
      throw new ExpansionGuardUnavailable("RecurIterator.check_contracting_rules is missing");
    }
    const check = iterator.check_contracting_rules.bind(iterator);
    iterator.check_contracting_rules = () => {
      budget.spend();
      return check();
    };
  }
}
