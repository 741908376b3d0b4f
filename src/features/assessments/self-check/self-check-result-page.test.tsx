import { describe, expect, it } from "vitest";
import { renderPage } from "../../../platform/web/render-page.ts";
import { demoPractice } from "../../practice-settings/demo-practice.ts";
import { practiceSettingsSchema } from "../../practice-settings/practice-settings.types.ts";
import type { SiteContext } from "../../practice-settings/site-context.ts";
import { selfCheckMessages as m } from "./messages.ts";
import { recommend } from "./recommend.ts";
import { everySafetyCombination } from "./safety-combinations.ts";
import type { SelfCheckAnswers } from "./self-check-answers.ts";
import { SelfCheckResultPage } from "./self-check-result-page.tsx";

const practice = practiceSettingsSchema.parse(demoPractice);
const site: SiteContext = {
  practice,
  assets: { url: (name) => `/assets/${name}`, byFileName: () => undefined },
  demo: false,
  absoluteUrl: (pathname) => `https://haven.test${pathname}`,
};
const country = practice.helpLines.find((c) => c.code === practice.country);
if (!country) throw new Error("the demo practice lists no lines for its own country");

const render = (
  safety: SelfCheckAnswers["safety"],
  crisisWords = false,
  reflection: Record<string, string> = {},
) => {
  // A pattern is chosen, so the reflection would say "the pattern is the problem" wherever it may.
  const answers: SelfCheckAnswers = {
    reflection: {
      moment: "betrayal",
      pattern: "pursue-withdraw",
      part: "both",
      together: "yes",
      ...reflection,
    },
    private: "yes",
    safety,
  };
  const recommendation = recommend(answers, { crisisWords });
  const html = renderPage(
    <SelfCheckResultPage
      site={site}
      country={country}
      answers={answers}
      recommendation={recommendation}
      share={{ token: "t", sealed: "s" }}
    />,
  );
  return { html, recommendation };
};

const headingIds = (html: string) =>
  [...html.matchAll(/<h2 id="(crisis|safety-first|own-behaviour|reflection)"/g)].map((m) => m[1]);
const idOf = {
  crisis: "crisis",
  afraid: "safety-first",
  "own-behaviour": "own-behaviour",
  reflection: "reflection",
};

const partnerFearText = [
  "couples sessions are not the safe place to start",
  "If you are afraid of your partner",
  "Your safety comes first",
];

describe("the result page", () => {
  it("shows a reflection with the pattern sentence when nothing points to danger (so the checks below can fail)", () => {
    const { html } = render({ afraid: "no", usedAbuse: "no" });
    expect(html).toContain("the pattern is the problem");
    // One primary action, the booking, in the form that carries the reflection only if its box is ticked.
    const form = html.slice(html.indexOf('action="/self-check/keep"'));
    expect(form.indexOf('name="consent"')).toBeLessThan(form.indexOf(m.bookCouple));
    expect(form).toMatch(new RegExp(`<button class="button" type="submit">${m.bookCouple}</button>`));
    expect(html.match(/class="button"/g)).toHaveLength(1);
    expect(html).toContain(`href="/book?kind=individual">${m.onYourOwnFirst}</a>`);
  });

  it("speaks to the part each person chose, and gives back their own words, escaped", () => {
    const seen = new Set<string>();
    for (const part of ["hurt", "caused", "both", "old-wound"]) {
      const { html } = render({ afraid: "no", usedAbuse: "no" }, false, { part });
      const words = m.roles[part] as string;
      expect(html, part).toContain(words);
      seen.add(words);
    }
    expect(seen.size).toBe(4);
    const { html } = render({ afraid: "no" }, false, { hope: "<b>Less blame</b> & more time" });
    expect(html).toContain("&lt;b>Less blame&lt;/b> &amp; more time");
    expect(html).not.toContain("<b>Less blame</b>");
  });

  it("leaves out the words about repair together where safety comes first", () => {
    for (const safety of [{ usedAbuse: "yes" }, { afraid: "yes" }, { suicide: "yes" }] as const) {
      const { html } = render(safety, false, { part: "caused" });
      expect(html, JSON.stringify(safety)).not.toContain((m.roles.caused as string).slice(0, 30));
    }
  });

  it("renders the sections in the order recommend() gives, for every combination of safety answers", () => {
    for (const { safety, crisisWords } of everySafetyCombination()) {
      const { html, recommendation } = render(safety, crisisWords);
      expect(headingIds(html), JSON.stringify(safety)).toEqual(recommendation.sections.map((s) => idOf[s]));
    }
  });

  it("never tells someone who has hurt or frightened their partner that the pattern is the problem", () => {
    let checked = 0;
    for (const { safety, crisisWords } of everySafetyCombination()) {
      if (safety.usedAbuse !== "yes") continue;
      const { html } = render(safety, crisisWords);
      expect(html, JSON.stringify(safety)).not.toMatch(/pattern is the problem/i);
      expect(html).toContain("Wanting to change is a strong place to start");
      expect(html).toContain("0808 802 4040"); // the line for people who use abuse
      checked++;
    }
    expect(checked).toBe(3 ** 6 * 2);
  });

  it("gives crisis help alone in words about ending one's life or hurting someone, not about fear of a partner", () => {
    for (const safety of [{ suicide: "yes" }, { harmOthers: "yes" }, {}] as const) {
      const { html } = render(safety, Object.keys(safety).length === 0);
      expect(html).toContain("Please talk to someone today");
      expect(html).toContain("Thoughts of ending your life, of hurting yourself or of hurting someone else");
      expect(html).toContain("116 123");
      for (const text of partnerFearText) expect(html).not.toContain(text);
      expect(html).not.toContain(m.bookCouple);
    }
  });

  it("puts crisis help first and then the safety text when both apply", () => {
    const { html } = render({ suicide: "yes", afraid: "yes", usedAbuse: "yes" });
    expect(headingIds(html)).toEqual(["crisis", "safety-first", "own-behaviour"]);
    const crisisLines = html.indexOf("If you are thinking of ending your life");
    const abuseLines = html.indexOf("If you are afraid of your partner");
    expect(crisisLines).toBeGreaterThan(-1);
    expect(abuseLines).toBeGreaterThan(crisisLines);
  });
});
