import { sql } from "drizzle-orm";
import type { Logger } from "pino";
import type { Database } from "../../platform/db/database.ts";
import { resultRows } from "../../platform/db/result-rows.ts";
import { safeError } from "../../platform/web/safe-error.ts";

/** How often a serving instance asks whether another instance changed an article (record 054). */
export const articleCheckIntervalMs = 5_000;

/**
 * Notices articles changed by another instance — a save, a restore, a scheduled publish its job queue
 * ran, a removal — so this instance's cached pages go too. Every change to an article sets its
 * `updated_at`, and a removal changes the count, so one small query tells: no table of its own and no
 * extra write. The instance that made the change has already emptied its own cache.
 */
export class ArticleChanges {
  private seen: string | undefined;
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly db: Database,
    private readonly onChange: () => void,
    private readonly logger?: Logger,
  ) {}

  private async signature(): Promise<string> {
    const [row] = resultRows<{ n: number; latest: string | null }>(
      await this.db.execute(sql`select count(*)::int as n, max(updated_at)::text as latest from articles`),
    );
    return `${row?.n ?? 0}|${row?.latest ?? ""}`;
  }

  /** Looks once; true when the articles changed since the last look (the first look only remembers). */
  async check(): Promise<boolean> {
    const now = await this.signature();
    const changed = this.seen !== undefined && now !== this.seen;
    this.seen = now;
    if (changed) this.onChange();
    return changed;
  }

  start(intervalMs = articleCheckIntervalMs): void {
    if (this.timer) return;
    const look = () =>
      this.check().catch((error: unknown) =>
        this.logger?.warn({ error: safeError(error) }, "articles not checked for changes; trying again"),
      );
    void look();
    this.timer = setInterval(look, intervalMs);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
  }
}
