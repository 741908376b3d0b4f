import type { Logger } from "pino";
import type { Database } from "../../../platform/db/database.ts";
import type { KeyRing } from "../../../platform/security/field-encryption.ts";
import { safeError } from "../../../platform/web/safe-error.ts";
import { refreshDueFeeds } from "./refresh-calendar-feeds.ts";

/**
 * Looks for due calendar feeds once a minute (each is read every 10 minutes). Every instance runs
 * one; the claim in refreshDueFeeds makes sure a feed is read by only one of them.
 */
export function startCalendarFeedRefresher(
  db: Database,
  ring: KeyRing,
  logger: Logger,
  everyMs = 60_000,
): { stop(): Promise<void> } {
  let running: Promise<void> | undefined;
  const pass = () => {
    if (running) return;
    running = refreshDueFeeds(db, ring)
      .then((counts) => {
        if (counts.read + counts.failed + counts.broken > 0) logger.info(counts, "calendar feeds read");
      })
      .catch((error: unknown) => logger.error({ error: safeError(error) }, "calendar feed pass failed"))
      .finally(() => {
        running = undefined;
      });
  };
  const timer = setInterval(pass, everyMs);
  timer.unref();
  pass();
  return {
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}
