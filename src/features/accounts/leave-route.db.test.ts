import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { addClients, addTherapist, type TestClient } from "../../../test/support/people.ts";
import { createTestApp, type TestApp } from "../../../test/support/test-app.ts";

// The quick exit (/leave, decision 040) must get the person out even when the database cannot end
// their session: here ending a session can be made to fail on demand.
const failing = vi.hoisted(() => ({ endSession: false }));
vi.mock("../../platform/security/sessions/session-store.ts", async (importOriginal) => {
  const original = await importOriginal<typeof import("../../platform/security/sessions/session-store.ts")>();
  return {
    ...original,
    endSession: async (...args: Parameters<typeof original.endSession>) => {
      if (failing.endSession) throw new Error("the database is unavailable");
      return original.endSession(...args);
    },
  };
});

let t: TestApp;
let fay: TestClient;
const neutralSite = "https://www.bbc.co.uk/weather"; // the demo practice keeps the default

beforeAll(async () => {
  t = await createTestApp();
  const vic = await addTherapist(t, "Vic Vine", "vic@example.org");
  [fay] = (await addClients(t, vic.id, [{ name: "Fay Fern", email: "fay@example.org" }])) as [TestClient];
});
afterAll(() => t.close());

describe("the quick exit", () => {
  it("still leaves, and still clears the session cookie, when the session cannot be ended", async () => {
    failing.endSession = true;
    try {
      const leave = await t.app.inject({ url: "/leave", headers: { cookie: fay.cookie } });
      expect(leave.statusCode).toBe(303);
      expect(leave.headers.location).toBe(neutralSite);
      expect(leave.headers["clear-site-data"]).toBe('"cookies", "storage"');
      expect(leave.headers["cache-control"]).toBe("no-store");
      const cleared = leave.cookies.find((cookie) => cookie.name === "haven-session");
      expect(cleared?.value).toBe("");
      expect(cleared?.path).toBe("/");
    } finally {
      failing.endSession = false;
    }
  });

  it("has no HEAD route: a link checker or prefetch with HEAD signs nobody out", async () => {
    const head = await t.app.inject({ method: "HEAD", url: "/leave", headers: { cookie: fay.cookie } });
    expect(head.statusCode).toBe(404);
    expect((await t.app.inject({ url: "/my", headers: { cookie: fay.cookie } })).statusCode).toBe(200);
  });
});
