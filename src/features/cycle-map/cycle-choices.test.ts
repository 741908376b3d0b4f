import { describe, expect, it } from "vitest";
import { containsControlWords } from "../safety/control-words.ts";
import { choicesFor } from "./cycle-choices.ts";

// DOMAIN.md §4 and the cycle map's rule: control is never offered as a move or a need (HAZ-036).
const controlStems = /track|check|monitor|threat|punish|control|forbid|allow|follow|isolat|spy|phone|money/i;
// No page labels a person: the map shows moves.
const labels = /pursu|withdraw|anxious|avoidant|attacker|blamer|distancer|injur/i;

describe("the cycle map's choices", () => {
  const all = Object.entries(choicesFor).flatMap(([part, choices]) =>
    choices.flatMap((choice) => [`${part}: ${choice.mine}`, `${part}: ${choice.seen}`]),
  );
  for (const words of all)
    it(`offers no control and no label in “${words}”`, () => {
      expect(containsControlWords(`I ${words}`)).toBe(false);
      expect(words).not.toMatch(controlStems);
      expect(words).not.toMatch(labels);
    });

  it("gives each choice an id of its own within its list", () => {
    for (const choices of Object.values(choicesFor))
      expect(new Set(choices.map((c) => c.id)).size).toBe(choices.length);
  });
});
