import { describe, expect, it } from "vitest";
import { containsCrisisWords } from "./crisis-words.ts";
import { recommend } from "./recommend.ts";
import { readAnswers } from "./self-check-answers.ts";

const answers = (form: Record<string, string | string[]>) => readAnswers(form);

describe("the recommendation", () => {
  it("puts safety first after any yes to fear, harm, forced sex or control — whatever else was said", () => {
    for (const id of ["afraid", "hurt", "forced", "control"]) {
      const result = recommend(answers({ part: "hurt", together: "yes", [`safety-${id}`]: "yes" }));
      expect(result).toEqual({
        kind: "safety-first",
        help: { crisis: false, domesticAbuse: true, forPeopleWhoUseAbuse: false },
        sections: ["afraid"],
      });
    }
  });

  it("shows crisis help for thoughts of suicide, self-harm or harming someone", () => {
    expect(recommend(answers({ "safety-suicide": "yes" })).help.crisis).toBe(true);
    expect(recommend(answers({ "safety-harmOthers": "yes" })).help.crisis).toBe(true);
    expect(recommend(answers({ "safety-suicide": "yes" })).kind).toBe("safety-first");
  });

  it("treats crisis words typed in the free text as a yes: help first, never a couples booking", () => {
    const result = recommend(answers({ part: "hurt", together: "yes" }), { crisisWords: true });
    expect(result.kind).toBe("safety-first");
    expect(result.help.crisis).toBe(true);
  });

  it("meets someone who has hurt their partner with an individual consultation and the line for them", () => {
    expect(recommend(answers({ "safety-usedAbuse": "yes", together: "yes" }))).toEqual({
      kind: "individual",
      help: { crisis: false, domesticAbuse: false, forPeopleWhoUseAbuse: true },
      sections: ["own-behaviour", "reflection"],
    });
  });

  it("suggests individual work for an old wound or coming alone, couples work otherwise", () => {
    expect(recommend(answers({ part: "old-wound" })).kind).toBe("individual");
    expect(recommend(answers({ part: "hurt", together: "no" })).kind).toBe("individual");
    expect(recommend(answers({ part: "both", together: "maybe" })).kind).toBe("couple");
  });

  it("treats skipped and 'no' answers alike: neither is a yes, and neither clears anything", () => {
    const skipped = recommend(answers({ "safety-afraid": "skip", "safety-hurt": "no" }));
    expect(skipped.help).toEqual({ crisis: false, domesticAbuse: false, forPeopleWhoUseAbuse: false });
  });
});

describe("reading the form", () => {
  it("keeps only values the questions offer, and caps free text", () => {
    const read = answers({
      moment: "<script>",
      signs: ["triggers", "nonsense", "vigilance"],
      pattern: "shutdown",
      hope: `  ${"x".repeat(2000)}  `,
      "safety-afraid": "maybe",
      "safety-hurt": "no",
      private: "yes",
    });
    expect(read.reflection.moment).toBeUndefined();
    expect(read.reflection.signs).toEqual(["triggers", "vigilance"]);
    expect(read.reflection.pattern).toBe("shutdown");
    expect((read.reflection.hope as string).length).toBe(1000);
    expect(read.safety).toEqual({ hurt: "no" });
    expect(read.private).toBe("yes");
  });
});

describe("crisis words", () => {
  it("notices them however they are typed", () => {
    for (const text of [
      "some days I want to die",
      "I think about ending my life",
      "Sometimes I SELF-HARM",
      "he said he's going to kill me",
      "I'm suicidal",
      "I just want to kill myself!",
      "I’m scared for my life",
      "thinking about killing myself",
      "I just want to end it all",
    ]) {
      expect(containsCrisisWords(text), text).toBe(true);
    }
  });

  it("does not fire on ordinary words that merely contain them", () => {
    for (const text of [
      "we keep killing time arguing",
      "our dreams died a little",
      "I felt overlooked",
      "skill myself up",
    ]) {
      expect(containsCrisisWords(text), text).toBe(false);
    }
  });
});
