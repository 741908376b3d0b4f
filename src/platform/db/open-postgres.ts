import { drizzle } from "drizzle-orm/node-postgres";
import { migrate } from "drizzle-orm/node-postgres/migrator";
import pg from "pg";
import { safeError } from "../web/safe-error.ts";
import type { Database, DatabaseHandle } from "./database.ts";
import { isDatabaseUnavailable } from "./database-unavailable.ts";
import { migrationLockId, migrationsFolder } from "./migrations-folder.ts";

/** How long Haven waits on PostgreSQL before giving up; each has an environment variable (config.ts). */
export type PostgresTimeouts = {
  /** Opening a connection, or waiting for a free one in the pool. */
  connectMs: number;
  /** One statement on the server (`statement_timeout`); the client gives up a little later. */
  statementMs: number;
  /** A transaction left open and idle (`idle_in_transaction_session_timeout`). */
  idleInTransactionMs: number;
};

export const defaultPostgresTimeouts: PostgresTimeouts = {
  connectMs: 5_000,
  statementMs: 15_000,
  idleInTransactionMs: 30_000,
};

/** The client-side limit on one query is the server's plus this (at most): for a server gone silent. */
const clientGraceMs = 5_000;

type Log = (message: string, error: unknown) => void;
const logToStderr: Log = (message, error) =>
  console.error(JSON.stringify({ level: 50, msg: message, error: safeError(error) }));

/**
 * A pool that survives the database going away. Every connection has an error listener for its whole
 * life (node-postgres only listens on idle ones, so a connection dropped in the middle of a transaction
 * crashed the process), and a connection whose transaction was rolled back or whose query failed for
 * want of a database is discarded on release rather than handed to the next request.
 */
function resilientPool(config: pg.PoolConfig, log: Log): pg.Pool {
  const pool = new pg.Pool(config);
  const discard = new WeakSet<pg.PoolClient>();
  // Idle connections' errors arrive here too; each is logged once, by the connection's own listener.
  pool.on("error", () => {});
  pool.on("connect", (client) => {
    client.on("error", (error) => log("database connection lost", error));
    const query = client.query.bind(client) as (...args: unknown[]) => unknown;
    client.query = ((...args: unknown[]) => {
      const first = args[0] as string | { text?: unknown } | undefined;
      const text = typeof first === "string" ? first : typeof first?.text === "string" ? first.text : "";
      if (/^\s*rollback\s*$/i.test(text)) discard.add(client as pg.PoolClient);
      const result = query(...args);
      if (result instanceof Promise) {
        return result.catch((error: unknown) => {
          if (isDatabaseUnavailable(error)) discard.add(client as pg.PoolClient);
          // Drizzle sends `begin` outside its try/finally, so a failed `begin` never releases its
          // connection: without this, each one would take a place in the pool for good.
          if (/^\s*begin\b/i.test(text)) (client as pg.PoolClient).release(true);
          throw error;
        });
      }
      return result;
    }) as typeof client.query;
  });
  const connect = pool.connect.bind(pool) as (callback?: unknown) => unknown;
  pool.connect = ((callback?: unknown) => {
    // pool.query checks out with a callback and already discards a connection whose query failed.
    if (callback) return connect(callback);
    return (connect() as Promise<pg.PoolClient>).then((client) => {
      const release = client.release.bind(client);
      client.release = (error?: Error | boolean) => {
        const broken = discard.has(client);
        discard.delete(client);
        release(error ?? (broken || undefined));
      };
      return client;
    });
  }) as typeof pool.connect;
  return pool;
}

/** Opens a pool on a PostgreSQL server (production, or the second test lane). */
export async function openPostgres(
  connectionString: string,
  poolSizeOrOptions: number | { poolSize?: number; timeouts?: Partial<PostgresTimeouts>; log?: Log } = {},
): Promise<DatabaseHandle> {
  const options = typeof poolSizeOrOptions === "number" ? { poolSize: poolSizeOrOptions } : poolSizeOrOptions;
  const timeouts = { ...defaultPostgresTimeouts, ...options.timeouts };
  const pool = resilientPool(
    {
      connectionString,
      max: options.poolSize ?? 10,
      connectionTimeoutMillis: timeouts.connectMs,
      statement_timeout: timeouts.statementMs,
      query_timeout: timeouts.statementMs + Math.min(clientGraceMs, timeouts.statementMs),
      idle_in_transaction_session_timeout: timeouts.idleInTransactionMs,
      // Notice a peer that vanished without a word (a failover, a cut cable) within a minute or so.
      keepAlive: true,
      keepAliveInitialDelayMillis: 10_000,
    },
    options.log ?? logToStderr,
  );
  // Fail now, with the server's own message, rather than on the first request.
  const probe = await pool.connect();
  probe.release();
  const db = drizzle({ client: pool }) as unknown as Database;
  return {
    db,
    kind: "postgres",
    async migrate() {
      // An advisory lock belongs to one connection, so the migration runs on that same connection:
      // two instances starting together then apply each migration exactly once. Its own connection,
      // without the statement timeout: a migration, or the wait for another instance's, may take a while.
      const client = new pg.Client({ connectionString, connectionTimeoutMillis: timeouts.connectMs });
      client.on("error", (error) => (options.log ?? logToStderr)("database connection lost", error));
      await client.connect();
      try {
        await client.query("select pg_advisory_lock($1)", [migrationLockId]);
        try {
          await migrate(drizzle({ client }), { migrationsFolder });
        } finally {
          await client.query("select pg_advisory_unlock($1)", [migrationLockId]);
        }
      } finally {
        await client.end();
      }
    },
    async close() {
      await pool.end();
    },
  };
}
