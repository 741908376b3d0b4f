import { pino } from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addTherapist, signInTherapist } from "../../../test/support/people.ts";
import { createTestApp, type TestApp } from "../../../test/support/test-app.ts";
import { enqueueJob } from "../jobs/job-queue.ts";
import { JobRunner } from "../jobs/job-runner.ts";
import { emailJobKind } from "./email-job.ts";
import { mailMessages } from "./messages.ts";

let t: TestApp;
beforeAll(async () => {
  // No demo practice: the first therapist added owns the practice.
  t = await createTestApp({ env: { HAVEN_DEMO: "0" } });
});
afterAll(() => t.close());

describe("an email that could not be sent", () => {
  it("is listed on the owner's practice home with whom it was for, and on no one else's", async () => {
    const owner = await addTherapist(t, "Olive Owner", "olive@example.org");
    const colleague = await addTherapist(t, "Nia Next", "nia@example.org");
    await enqueueJob(
      t.handle.db,
      t.keys,
      emailJobKind,
      { to: "kim@example.org", subject: "A message from the practice", text: "…", html: "<p>…</p>" },
      { maxAttempts: 1 },
    );
    const refusing = new JobRunner(
      t.handle.db,
      t.keys,
      {
        [emailJobKind]: async () => {
          throw Object.assign(new Error("550 mailbox unavailable"), { code: "EENVELOPE" });
        },
      },
      pino({ level: "silent" }),
    );
    expect(await refusing.runOnce()).toBe(1);

    const ownerHome = await t.app.inject({
      url: "/practice",
      headers: { cookie: await signInTherapist(t, owner) },
    });
    expect(ownerHome.statusCode).toBe(200);
    expect(ownerHome.body).toContain(mailMessages.undeliveredHeading);
    expect(ownerHome.body).toContain("To kim@example.org");

    const colleagueHome = await t.app.inject({
      url: "/practice",
      headers: { cookie: await signInTherapist(t, colleague) },
    });
    expect(colleagueHome.statusCode).toBe(200);
    expect(colleagueHome.body).not.toContain(mailMessages.undeliveredHeading);
    expect(colleagueHome.body).not.toContain("kim@example.org");
  });
});
