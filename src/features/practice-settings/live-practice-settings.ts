import type { Logger } from "pino";
import type { Database } from "../../platform/db/database.ts";
import { safeError } from "../../platform/web/safe-error.ts";
import type { PracticeSettings } from "./practice-settings.types.ts";
import { readPracticeSettings, type StoredSettings, storedSettingsVersion } from "./settings-store.ts";

/** How often a serving instance asks whether another instance saved new settings (record 053). */
export const settingsCheckIntervalMs = 5_000;

/**
 * The practice's settings as this instance holds them. Every request reads through `current`; a save
 * on this instance applies at once, and a save on another instance is seen at the next version check.
 * Whatever was built from the old settings (cached pages) is dropped through `onChange`.
 */
export class LivePracticeSettings {
  private stored: StoredSettings;
  private timer: NodeJS.Timeout | undefined;
  private readonly listeners: (() => void)[] = [];

  constructor(
    private readonly db: Database,
    initial: StoredSettings,
    private readonly logger?: Logger,
  ) {
    this.stored = initial;
  }

  get current(): PracticeSettings {
    return this.stored.settings;
  }

  get version(): number {
    return this.stored.version;
  }

  /** Called after the settings change, on this instance or another. */
  onChange(listener: () => void): void {
    this.listeners.push(listener);
  }

  /** Settings this instance has just saved: held now, without waiting for the next check. */
  apply(next: StoredSettings): void {
    if (next.version <= this.stored.version) return;
    this.stored = next;
    for (const listener of this.listeners) listener();
  }

  /** Asks the database for its version; reads the settings only when they are newer. True on a change. */
  async refresh(): Promise<boolean> {
    const version = await storedSettingsVersion(this.db);
    if (version === undefined || version <= this.stored.version) return false;
    const next = await readPracticeSettings(this.db);
    if (!next) return false;
    this.apply(next);
    return true;
  }

  /** Checks every few seconds until `stop`; a failed check is logged and tried again at the next. */
  start(intervalMs = settingsCheckIntervalMs): void {
    if (this.timer) return;
    this.timer = setInterval(() => {
      this.refresh().catch((error: unknown) =>
        this.logger?.warn({ error: safeError(error) }, "practice settings not checked; trying again"),
      );
    }, intervalMs);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
  }
}
