import { createHmac } from "node:crypto";
import { sql } from "drizzle-orm";
import type { Database } from "../../db/database.ts";
import { resultRows } from "../../db/result-rows.ts";
import type { KeyRing } from "../field-encryption.ts";

type Counted = { current: number; ttl: number };
type Done = (error: Error | null, result?: Counted) => void;
/** What the plugin really passes to `child` (its types say route options; it sends its params). */
type RouteParams = { routeInfo?: { method?: string | string[]; url?: string }; perInstance?: boolean };

/**
 * A route's limit that must leave nothing in the database (the self-check promises to store
 * nothing, not even a hashed address) says `perInstance: true` and is counted in this process only.
 */
export const perInstanceLimit = { perInstance: true } as const;

/** Old windows are swept at most this often per instance, by whichever request comes next. */
const sweepEveryMs = 60_000;

/**
 * A store for @fastify/rate-limit that keeps its counts in Haven's database, so several instances
 * behind one load balancer enforce one limit (record 057). One upsert counts an attempt and starts
 * a new window when the old one has ended; the database's clock decides, so instances whose clocks
 * drift still agree. The requester's address is hashed with a key of Haven's own before it is
 * stored, together with the route, so a table dump names nobody.
 */
export function databaseRateLimitStore(db: Database, keys: KeyRing) {
  const secret = keys.current.derive("rate-limit");
  let lastSweep = 0;

  const sweep = () => {
    if (Date.now() - lastSweep < sweepEveryMs) return;
    lastSweep = Date.now();
    db.execute(sql`delete from rate_limit_windows where ends_at < now()`).catch(() => {
      lastSweep = 0; // try again with the next request; the counts stay right either way
    });
  };

  return class DatabaseRateLimitStore {
    readonly route: string;

    constructor(params: object = {}) {
      const route = (params as RouteParams).routeInfo;
      const method = route?.method;
      this.route = `${Array.isArray(method) ? method.join(",") : (method ?? "")} ${route?.url ?? ""}`;
    }

    private keyFor(requester: string): string {
      return createHmac("sha256", secret).update(`${this.route}\n${requester}`).digest("base64url");
    }

    incr(requester: string, done: Done, timeWindowMs: number): void {
      sweep();
      const key = this.keyFor(requester);
      const window = `${Math.max(1, Math.trunc(timeWindowMs))} milliseconds`;
      db.execute(sql`
        insert into rate_limit_windows as w (key, hits, ends_at)
        values (${key}, 1, now() + ${window}::interval)
        on conflict (key) do update set
          hits = case when w.ends_at <= now() then 1 else w.hits + 1 end,
          ends_at = case when w.ends_at <= now() then excluded.ends_at else w.ends_at end
        returning hits, greatest(0, extract(epoch from (ends_at - now())) * 1000)::float8 as ttl`)
        .then((result) => {
          const row = resultRows<{ hits: number; ttl: number }>(result)[0];
          done(null, { current: Number(row?.hits ?? 1), ttl: Math.ceil(Number(row?.ttl ?? timeWindowMs)) });
        })
        .catch((error: Error) => done(error));
    }

    read(requester: string, done: Done): void {
      db.execute(sql`
        select hits, greatest(0, extract(epoch from (ends_at - now())) * 1000)::float8 as ttl
        from rate_limit_windows where key = ${this.keyFor(requester)} and ends_at > now()`)
        .then((result) => {
          const row = resultRows<{ hits: number; ttl: number }>(result)[0];
          done(
            null,
            row ? { current: Number(row.hits), ttl: Math.ceil(Number(row.ttl)) } : { current: 0, ttl: 0 },
          );
        })
        .catch((error: Error) => done(error));
    }

    child(params: object): DatabaseRateLimitStore | MemoryRateLimitStore {
      return (params as RouteParams).perInstance
        ? new MemoryRateLimitStore()
        : new DatabaseRateLimitStore(params);
    }
  };
}

/** Fixed windows in this process's memory, for the routes marked `perInstance`. */
class MemoryRateLimitStore {
  private readonly windows = new Map<string, { hits: number; endsAt: number }>();

  incr(requester: string, done: Done, timeWindowMs: number): void {
    const now = Date.now();
    if (this.windows.size > 10_000)
      for (const [key, w] of this.windows) if (w.endsAt <= now) this.windows.delete(key);
    let window = this.windows.get(requester);
    if (!window || window.endsAt <= now) {
      window = { hits: 0, endsAt: now + timeWindowMs };
      this.windows.set(requester, window);
    }
    window.hits++;
    done(null, { current: window.hits, ttl: window.endsAt - now });
  }

  read(requester: string, done: Done): void {
    const window = this.windows.get(requester);
    const now = Date.now();
    done(
      null,
      window && window.endsAt > now
        ? { current: window.hits, ttl: window.endsAt - now }
        : { current: 0, ttl: 0 },
    );
  }

  child(): MemoryRateLimitStore {
    return new MemoryRateLimitStore();
  }
}
