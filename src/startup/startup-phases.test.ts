import { describe, expect, it } from "vitest";
import { StartupPhases } from "./startup-phases.ts";

describe("start-up phases", () => {
  it("counts module loading from the process's start, then each phase from the mark before it", () => {
    const clock = [412.4, 530.1, 530.6, 1210.2, 1390.9];
    const phases = new StartupPhases(() => clock.shift() ?? 0);
    phases.mark("files");
    phases.mark("databaseOpen");
    phases.mark("assets");
    expect(phases.phases).toEqual({ modules: 412, files: 118, databaseOpen: 1, assets: 680 });
    expect(phases.totalMs()).toBe(1391);
  });

  it("adds up a phase marked twice", () => {
    const clock = [100, 150, 400, 430];
    const phases = new StartupPhases(() => clock.shift() ?? 0);
    phases.mark("settings");
    phases.mark("articles");
    phases.mark("settings");
    expect(phases.phases).toEqual({ modules: 100, settings: 80, articles: 250 });
  });
});
