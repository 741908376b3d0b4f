import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { capturingLogger } from "../../../test/support/log-capture.ts";
import { createTestApp, type TestApp } from "../../../test/support/test-app.ts";

const logs = capturingLogger();
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ logger: logs.logger });
});
afterAll(() => t.close());

describe("health and readiness", () => {
  it("/healthz says the process answers, as plain JSON, without the database", async () => {
    const spy = vi.spyOn(t.handle.db, "execute").mockImplementation(() => {
      throw new Error("Connection terminated unexpectedly");
    });
    try {
      const response = await t.app.inject({ url: "/healthz" });
      expect(response.statusCode).toBe(200);
      expect(response.headers["content-type"]).toMatch(/^application\/json/);
      expect(response.headers["cache-control"]).toBe("no-store");
      expect(response.json()).toEqual({ status: "ok" });
    } finally {
      spy.mockRestore();
    }
  });

  it("/readyz is ready only with the database answering, migrations applied and the job runner running", async () => {
    const stopped = await t.app.inject({ url: "/readyz" });
    expect(stopped.statusCode).toBe(503);
    expect(stopped.json()).toEqual({
      status: "not ready",
      database: "ok",
      migrations: "ok",
      jobs: "stopped",
    });

    t.app.jobs.start();
    try {
      const ready = await t.app.inject({ url: "/readyz" });
      expect(ready.statusCode).toBe(200);
      expect(ready.json()).toEqual({ status: "ready", database: "ok", migrations: "ok", jobs: "ok" });

      const spy = vi.spyOn(t.handle.db, "execute").mockImplementation(() => {
        throw new Error("Connection terminated unexpectedly");
      });
      try {
        const down = await t.app.inject({ url: "/readyz" });
        expect(down.statusCode).toBe(503);
        expect(down.json()).toMatchObject({ status: "not ready", database: "unavailable", jobs: "ok" });
      } finally {
        spy.mockRestore();
      }
    } finally {
      await t.app.jobs.stop();
    }
  });

  it("is not logged at info, where probes every few seconds would drown the log", async () => {
    await t.app.inject({ url: "/healthz" });
    await t.app.inject({ url: "/readyz" });
    await t.app.inject({ url: "/privacy" });
    const lines = logs
      .text()
      .split("\n")
      .filter((line) => line.includes('"msg":"request"'));
    expect(lines.some((line) => line.includes('"route":"/privacy"'))).toBe(true);
    expect(lines.some((line) => /"route":"\/(healthz|readyz)"/.test(line))).toBe(false);
  });
});
