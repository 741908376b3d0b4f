import fs from "node:fs";
import path from "node:path";
import { sql } from "drizzle-orm";
import type { FastifyInstance } from "fastify";
import type { Database } from "../db/database.ts";
import { migrationsFolder } from "../db/migrations-folder.ts";
import { resultRows } from "../db/result-rows.ts";

/** How long /readyz waits for the database before saying it is unavailable (a probe must not hang). */
const readinessWaitMs = 2_000;

function migrationsShipped(): number {
  const journal = JSON.parse(fs.readFileSync(path.join(migrationsFolder, "meta", "_journal.json"), "utf8"));
  return (journal as { entries: unknown[] }).entries.length;
}

async function migrationsApplied(db: Database): Promise<number> {
  const rows = resultRows<{ applied: number }>(
    await db.execute(sql`select count(*)::int as applied from drizzle.__drizzle_migrations`),
  );
  return rows[0]?.applied ?? 0;
}

function within<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error("readiness check timed out")), ms);
  });
  return Promise.race([work, late]).finally(() => clearTimeout(timer));
}

/**
 * For a load balancer or a supervisor: `/healthz` says the process answers (no database needed);
 * `/readyz` says this instance can serve — the database answers, every migration it ships is applied,
 * and the job runner is running. Plain JSON with no personal data, logged at debug, never cached.
 */
export function registerHealthRoutes(app: FastifyInstance, deps: { db: Database; jobsAlive: () => boolean }) {
  const shipped = migrationsShipped();
  const config = { access: "public" as const, quietLog: true };

  app.get("/healthz", { config }, async (_request, reply) =>
    reply.header("cache-control", "no-store").send({ status: "ok" }),
  );

  app.get("/readyz", { config }, async (_request, reply) => {
    let database: "ok" | "unavailable" = "ok";
    let migrations: "ok" | "behind" | "unknown" = "unknown";
    try {
      migrations = (await within(migrationsApplied(deps.db), readinessWaitMs)) >= shipped ? "ok" : "behind";
    } catch {
      database = "unavailable";
    }
    const jobs = deps.jobsAlive() ? "ok" : "stopped";
    const ready = database === "ok" && migrations === "ok" && jobs === "ok";
    return reply
      .code(ready ? 200 : 503)
      .header("cache-control", "no-store")
      .send({ status: ready ? "ready" : "not ready", database, migrations, jobs });
  });
}

declare module "fastify" {
  interface FastifyContextConfig {
    /** Log this route's requests at debug, not info (probes every few seconds would drown the log). */
    quietLog?: boolean;
  }
}
