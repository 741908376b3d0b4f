import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { loadInstrumentDefinitions } from "./definitions/index.ts";
import { type InstrumentDefinition, itemRange } from "./instrument-definition.ts";
import { type Answers, InstrumentAnswerError, scoreInstrument } from "./score-instrument.ts";

const definitions = loadInstrumentDefinitions();

/** Complete answers, each within its own item's range. */
const completeAnswers = (d: InstrumentDefinition): fc.Arbitrary<Answers> =>
  fc.record(
    Object.fromEntries(
      d.items.map((id) => {
        const { min, max } = itemRange(d, id);
        return [id, fc.integer({ min, max })];
      }),
    ),
  );

/** The same, with any answer possibly left out. */
const partialAnswers = (d: InstrumentDefinition): fc.Arbitrary<Answers> =>
  fc.record(
    Object.fromEntries(
      d.items.map((id) => {
        const { min, max } = itemRange(d, id);
        return [id, fc.option(fc.integer({ min, max }), { nil: undefined })];
      }),
    ),
  );

describe.each(definitions.map((d) => [d.id, d] as const))("%s, for any answers", (_id, d) => {
  it("every score of complete answers lies within its subscale's range, and every cut-off is decided", () => {
    fc.assert(
      fc.property(completeAnswers(d), (answers) => {
        const result = scoreInstrument(d, answers);
        for (const s of result.subscales) {
          expect(s.complete).toBe(true);
          expect(s.missingItems).toEqual([]);
          expect(s.score).not.toBeNull();
          expect(s.score).toBeGreaterThanOrEqual(s.min);
          expect(s.score).toBeLessThanOrEqual(s.max);
          // Means are reported to 2 decimals.
          expect(Math.round((s.score as number) * 100) / 100).toBe(s.score);
        }
        for (const c of result.cutOffs) expect(c.met).not.toBeNull();
        if (result.overall.kind === "screen") expect(result.overall.result).not.toBe("incomplete");
      }),
    );
  });

  it("with answers left out, a subscale is scored only when complete, and lists exactly what is missing", () => {
    fc.assert(
      fc.property(partialAnswers(d), (answers) => {
        for (const s of scoreInstrument(d, answers).subscales) {
          const items = d.subscales.find((sub) => sub.id === s.id)?.items ?? [];
          expect(s.missingItems).toEqual(items.filter((id) => answers[id] === undefined));
          expect(s.complete).toBe(s.missingItems.length === 0);
          if (s.complete) expect(s.score).not.toBeNull();
          else expect(s.score).toBeNull();
        }
      }),
    );
  });

  it("a cut-off decided despite missing answers agrees with every way of filling them in", () => {
    fc.assert(
      fc.property(partialAnswers(d), completeAnswers(d), (partial, filler) => {
        const decided = scoreInstrument(d, partial).cutOffs;
        const filled = scoreInstrument(d, { ...filler, ...stripUndefined(partial) }).cutOffs;
        decided.forEach((c, i) => {
          if (c.met !== null) expect(filled[i]?.met).toBe(c.met);
        });
      }),
    );
  });

  it("rejects any answer outside an item's range, naming that item", () => {
    fc.assert(
      fc.property(
        completeAnswers(d),
        fc.constantFrom(...d.items),
        fc.integer({ min: 1, max: 100 }),
        fc.boolean(),
        (answers, id, distance, above) => {
          const { min, max } = itemRange(d, id);
          const bad = { ...answers, [id]: above ? max + distance : min - distance };
          try {
            scoreInstrument(d, bad);
            expect.unreachable("the answer should have been rejected");
          } catch (error) {
            expect(error).toBeInstanceOf(InstrumentAnswerError);
            expect((error as InstrumentAnswerError).problems.map((p) => p.itemId)).toEqual([id]);
          }
        },
      ),
    );
  });
});

describe("reverse keys", () => {
  it("mirroring every ECR-R answer (x ↔ 8 − x) mirrors both means around 4", () => {
    const ecrR = definitions.find((d) => d.id === "ecr-r") as InstrumentDefinition;
    fc.assert(
      fc.property(completeAnswers(ecrR), (answers) => {
        const mirrored = Object.fromEntries(
          Object.entries(answers).map(([id, x]) => [id, 8 - (x as number)]),
        );
        const a = scoreInstrument(ecrR, answers).subscales;
        const b = scoreInstrument(ecrR, mirrored).subscales;
        a.forEach((s, i) => {
          expect((s.score as number) + (b[i]?.score as number)).toBeCloseTo(8, 1);
        });
      }),
    );
  });

  it("the highest answer on a reversed item counts as the lowest", () => {
    for (const d of definitions) {
      for (const id of d.reverseKeyed) {
        const subscale = d.subscales.find((s) => s.items.includes(id));
        if (!subscale) continue;
        const { max } = itemRange(d, id);
        // Every other item of the subscale at its minimum (reversed ones at their maximum), this one at max.
        const answers: Answers = Object.fromEntries(
          subscale.items.map((other) => {
            const r = itemRange(d, other);
            return [other, d.reverseKeyed.includes(other) ? r.max : r.min];
          }),
        );
        answers[id] = max;
        const result = scoreInstrument(d, answers).subscales.find((s) => s.id === subscale.id);
        expect(result?.score, `${d.id} ${id}`).toBe(result?.min);
      }
    }
  });
});

function stripUndefined(answers: Answers): Answers {
  return Object.fromEntries(Object.entries(answers).filter(([, value]) => value !== undefined));
}
