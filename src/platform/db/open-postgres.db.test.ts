import net from "node:net";
import { sql } from "drizzle-orm";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTcpProxy, type TcpProxy } from "../../../test/support/tcp-proxy.ts";
import { openTestDatabase, type TestDatabaseHandle } from "../../../test/support/test-database.ts";
import { testDatabaseLane } from "../../../test/support/test-database-lane.ts";
import type { DatabaseHandle } from "./database.ts";
import { sqlState } from "./database.ts";
import { isDatabaseUnavailable } from "./database-unavailable.ts";
import { openPostgres } from "./open-postgres.ts";
import { resultRows } from "./result-rows.ts";

// The pool's behaviour when PostgreSQL misbehaves. PGlite runs in the process and has no connections
// to lose: these faults exist on the PostgreSQL lane only.
const onPostgres = testDatabaseLane() === "postgres";
if (!onPostgres) console.log("open-postgres.db.test.ts: skipped on PGlite (no connections to lose)");

const backendPid = async (db: DatabaseHandle["db"]) =>
  resultRows<{ pid: number }>(await db.execute(sql`select pg_backend_pid() as pid`))[0]?.pid as number;

const failure = async (work: Promise<unknown>): Promise<unknown> =>
  work.then(
    () => {
      throw new Error("expected a failure");
    },
    (error: unknown) => error,
  );

describe.skipIf(!onPostgres)("the PostgreSQL pool when the database misbehaves", () => {
  let direct: TestDatabaseHandle;
  let admin: pg.Client;
  const logged: string[] = [];
  const log = (message: string) => logged.push(message);
  beforeAll(async () => {
    direct = await openTestDatabase();
    admin = new pg.Client({ connectionString: direct.connectionString as string });
    await admin.connect();
  });
  afterAll(async () => {
    await admin?.end();
    await direct?.close();
  });

  const open = (timeouts = {}, poolSize = 1) =>
    openPostgres(direct.connectionString as string, { poolSize, timeouts, log });

  it("survives a connection ended in the middle of a transaction, and the next query works", async () => {
    const handle = await open();
    try {
      const error = await failure(
        handle.db.transaction(async (tx) => {
          const pid = await backendPid(tx);
          await admin.query("select pg_terminate_backend($1)", [pid]);
          // The server's goodbye reaches the idle, checked-out connection before the next statement.
          while (resultRows(await admin.query("select 1 from pg_stat_activity where pid = $1", [pid])).length)
            await new Promise((resolve) => setTimeout(resolve, 20));
          await tx.execute(sql`select 1`);
        }),
      );
      expect(isDatabaseUnavailable(error)).toBe(true);
      expect(logged).toContain("database connection lost");
      expect(resultRows(await handle.db.execute(sql`select 1 as one`))).toEqual([{ one: 1 }]);
    } finally {
      await handle.close();
    }
  });

  it("discards the connection of a transaction that was rolled back", async () => {
    const handle = await open();
    try {
      let pidInside = 0;
      await failure(
        handle.db.transaction(async (tx) => {
          pidInside = await backendPid(tx);
          throw new Error("the use case changed its mind");
        }),
      );
      const kept = await handle.db.transaction(async (tx) => backendPid(tx));
      expect(kept).not.toBe(pidInside);
      // A transaction that commits keeps its connection for the next one.
      expect(await handle.db.transaction(async (tx) => backendPid(tx))).toBe(kept);
    } finally {
      await handle.close();
    }
  });

  it("ends a statement that runs past the statement timeout, as 'unavailable'", async () => {
    const handle = await open({ statementMs: 200 });
    try {
      const error = await failure(handle.db.execute(sql`select pg_sleep(5)`));
      expect(sqlState(error)).toBe("57014");
      expect(isDatabaseUnavailable(error)).toBe(true);
    } finally {
      await handle.close();
    }
  });

  it("ends a transaction left idle past the idle-in-transaction timeout, without crashing", async () => {
    const handle = await open({ idleInTransactionMs: 200 });
    try {
      const error = await failure(
        handle.db.transaction(async (tx) => {
          await tx.execute(sql`select 1`);
          await new Promise((resolve) => setTimeout(resolve, 800));
          await tx.execute(sql`select 1`);
        }),
      );
      expect(isDatabaseUnavailable(error)).toBe(true);
      expect(resultRows(await handle.db.execute(sql`select 1 as one`))).toEqual([{ one: 1 }]);
    } finally {
      await handle.close();
    }
  });

  it("gives up connecting to a server that accepts and never answers", async () => {
    const silent = net.createServer(() => {});
    await new Promise<void>((resolve) => silent.listen(0, "127.0.0.1", resolve));
    const { port } = silent.address() as net.AddressInfo;
    try {
      const error = await failure(
        openPostgres(`postgres://postgres@127.0.0.1:${port}/haven`, { timeouts: { connectMs: 300 }, log }),
      );
      expect(isDatabaseUnavailable(error)).toBe(true);
    } finally {
      silent.close();
    }
  });

  describe("through a proxy that breaks the network", () => {
    let proxy: TcpProxy;
    let handle: DatabaseHandle;
    beforeAll(async () => {
      const url = new URL(direct.connectionString as string);
      proxy = await startTcpProxy({ host: url.hostname, port: Number(url.port || 5432) });
      url.port = String(proxy.port);
      handle = await openPostgres(url.toString(), {
        poolSize: 2,
        timeouts: { connectMs: 300, statementMs: 300 },
        log,
      });
    });
    afterAll(async () => {
      await handle?.close();
      await proxy?.close();
    });

    it("fails fast while connections are reset, and heals by itself", async () => {
      await handle.db.execute(sql`select 1`);
      proxy.reset();
      expect(isDatabaseUnavailable(await failure(handle.db.execute(sql`select 1`)))).toBe(true);
      expect(isDatabaseUnavailable(await failure(handle.db.execute(sql`select 1`)))).toBe(true);
      proxy.heal();
      expect(resultRows(await handle.db.execute(sql`select 1 as one`))).toEqual([{ one: 1 }]);
    });

    it("gives up on a black-holed connection and a black-holed connect, and heals by itself", async () => {
      await Promise.all([handle.db.execute(sql`select 1`), handle.db.execute(sql`select 1`)]);
      proxy.blackHole();
      // One query on a connection gone silent, one that needs a new connection.
      const errors = await Promise.all([
        failure(handle.db.execute(sql`select 1`)),
        failure(handle.db.transaction(async (tx) => tx.execute(sql`select 1`))),
        failure(handle.db.execute(sql`select 1`)),
      ]);
      for (const error of errors) expect(isDatabaseUnavailable(error)).toBe(true);
      proxy.heal();
      // Both places in the pool are free again (a failed `begin` once kept its connection for good).
      const both = await Promise.all([
        handle.db.transaction(async (tx) => backendPid(tx)),
        handle.db.transaction(async (tx) => backendPid(tx)),
      ]);
      expect(both.every((pid) => pid > 0)).toBe(true);
    });
  });
});
