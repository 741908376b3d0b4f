import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addTherapist } from "../../../test/support/people.ts";
import { createTestApp, type TestApp } from "../../../test/support/test-app.ts";
import { requestPasswordReset, resetEmailsPerHour } from "./request-password-reset.ts";

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe("password-reset emails to one account", () => {
  it("stop after a few an hour, however many ask, and resume the hour after", async () => {
    await addTherapist(t, "Rhea Reed", "rhea@example.org");
    const ask = (at: Date) =>
      requestPasswordReset(
        t.handle.db,
        t.keys,
        { email: "rhea@example.org", practiceName: "Haven demo practice", linkFor: (token) => `/r/${token}` },
        at,
      );
    const now = new Date();
    const answers = [];
    for (let n = 0; n < resetEmailsPerHour + 5; n++) answers.push(await ask(now));
    expect(answers.filter(Boolean)).toHaveLength(resetEmailsPerHour);
    expect(answers.slice(resetEmailsPerHour).every((queued) => queued === false)).toBe(true);
    expect(await ask(new Date(now.getTime() + 61 * 60_000))).toBe(true);
  });
});
