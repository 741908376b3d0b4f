import { describe, expect, it } from "vitest";
import { isDatabaseUnavailable } from "./database-unavailable.ts";

const withCode = (code: string, message = "failed") => Object.assign(new Error(message), { code });
/** As Drizzle wraps a driver's error. */
const wrapped = (cause: unknown) => Object.assign(new Error("Failed query: select 1\nparams: "), { cause });

describe("isDatabaseUnavailable", () => {
  it.each([
    ["a refused connection", withCode("ECONNREFUSED")],
    ["a reset connection, wrapped by Drizzle", wrapped(withCode("ECONNRESET"))],
    [
      "a refused connection to every address",
      Object.assign(new AggregateError([withCode("ECONNREFUSED")]), {}),
    ],
    ["a connection dropped by node-postgres", wrapped(new Error("Connection terminated unexpectedly"))],
    ["no free connection in time", new Error("timeout exceeded when trying to connect")],
    ["a server gone silent", wrapped(new Error("Query read timeout"))],
    ["a statement timeout", wrapped(withCode("57014"))],
    ["an administrator's shutdown", withCode("57P01")],
    ["a server starting up", withCode("57P03")],
    ["too many connections", withCode("53300")],
    ["a full disk", withCode("53100")],
    ["a full disk below the database", withCode("ENOSPC")],
    ["a transaction ended for idling", withCode("25P03")],
    ["a lost connection (SQLSTATE 08006)", withCode("08006")],
  ])("yes for %s", (_name, error) => {
    expect(isDatabaseUnavailable(error)).toBe(true);
  });

  it.each([
    ["a unique violation", wrapped(withCode("23505"))],
    ["a booking overlap", wrapped(withCode("23P01"))],
    ["a missing table", wrapped(withCode("42P01"))],
    ["a plain bug", new TypeError("cannot read properties of undefined")],
    ["nothing", undefined],
  ])("no for %s", (_name, error) => {
    expect(isDatabaseUnavailable(error)).toBe(false);
  });
});
