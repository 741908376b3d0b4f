import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "./config.ts";

function problemsOf(env: Record<string, string>): string[] {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  return [];
}

describe("loadConfig", () => {
  it("starts with no variables at all, on the embedded database", () => {
    const config = loadConfig({});
    expect(config.port).toBe(3000);
    expect(config.databaseUrl).toBeUndefined();
    expect(config.publicUrl.toString()).toBe("http://localhost:3000/");
    expect(config.secureCookies).toBe(false);
    expect(config.demo).toBeUndefined();
  });

  it("parses booleans strictly: 0 and false are off, 1 is on", () => {
    expect(loadConfig({ HAVEN_DEMO: "0" }).demo).toBe(false);
    expect(loadConfig({ HAVEN_DEMO: "false" }).demo).toBe(false);
    expect(loadConfig({ HAVEN_DEMO: "1" }).demo).toBe(true);
    expect(loadConfig({ HAVEN_TRUST_PROXY: "0" }).trustProxy).toBe(false);
  });

  it("refuses a boolean it does not recognise, naming the variable", () => {
    expect(problemsOf({ HAVEN_DEMO: "maybe" })[0]).toMatch(/^HAVEN_DEMO:/);
  });

  it("stops on a malformed public URL, naming HAVEN_PUBLIC_URL", () => {
    const problems = problemsOf({ HAVEN_PUBLIC_URL: "not a url" });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^HAVEN_PUBLIC_URL:/);
  });

  it("refuses plain http on a public host but allows it on loopback", () => {
    expect(problemsOf({ HAVEN_PUBLIC_URL: "http://haven.example.org" })[0]).toMatch(
      /^HAVEN_PUBLIC_URL: .*https/,
    );
    expect(loadConfig({ HAVEN_PUBLIC_URL: "http://127.0.0.1:8080" }).publicUrl.port).toBe("8080");
  });

  it("turns on Secure cookies and HSTS for an https public URL", () => {
    expect(loadConfig({ HAVEN_PUBLIC_URL: "https://haven.example.org" }).secureCookies).toBe(true);
  });

  it("requires HAVEN_SECRET_KEY with DATABASE_URL", () => {
    expect(problemsOf({ DATABASE_URL: "postgres://localhost/haven" })[0]).toMatch(/^HAVEN_SECRET_KEY:/);
    const config = loadConfig({
      DATABASE_URL: "postgres://localhost/haven",
      HAVEN_SECRET_KEY: "k".repeat(64),
    });
    expect(config.databaseUrl).toBe("postgres://localhost/haven");
  });

  it("names a bad port", () => {
    expect(problemsOf({ PORT: "eighty" })[0]).toMatch(/^PORT:/);
  });

  it("treats an empty variable as unset", () => {
    expect(loadConfig({ DATABASE_URL: "", HAVEN_DEMO: "" }).databaseUrl).toBeUndefined();
  });

  it("has documented database timeouts and a shutdown grace, each configurable in seconds", () => {
    const defaults = loadConfig({});
    expect(defaults.databaseTimeouts).toEqual({
      connectMs: 5000,
      statementMs: 15000,
      idleInTransactionMs: 30000,
    });
    expect(defaults.shutdownGraceMs).toBe(10000);
    const set = loadConfig({
      HAVEN_DB_CONNECT_TIMEOUT_SECONDS: "2",
      HAVEN_DB_STATEMENT_TIMEOUT_SECONDS: "0.5",
      HAVEN_DB_IDLE_IN_TRANSACTION_TIMEOUT_SECONDS: "60",
      HAVEN_SHUTDOWN_GRACE_SECONDS: "25",
    });
    expect(set.databaseTimeouts).toEqual({ connectMs: 2000, statementMs: 500, idleInTransactionMs: 60000 });
    expect(set.shutdownGraceMs).toBe(25000);
    expect(problemsOf({ HAVEN_DB_STATEMENT_TIMEOUT_SECONDS: "0" })[0]).toMatch(
      /^HAVEN_DB_STATEMENT_TIMEOUT_SECONDS:/,
    );
  });

  it("keeps visitors' bookings 12 months after the consultation unless HAVEN_BOOKING_RETENTION_MONTHS says otherwise", () => {
    expect(loadConfig({}).bookingRetentionMonths).toBe(12);
    expect(loadConfig({ HAVEN_BOOKING_RETENTION_MONTHS: "6" }).bookingRetentionMonths).toBe(6);
    expect(problemsOf({ HAVEN_BOOKING_RETENTION_MONTHS: "0" })[0]).toMatch(
      /^HAVEN_BOOKING_RETENTION_MONTHS:/,
    );
    expect(problemsOf({ HAVEN_BOOKING_RETENTION_MONTHS: "1.5" })[0]).toMatch(
      /^HAVEN_BOOKING_RETENTION_MONTHS:/,
    );
  });
});
