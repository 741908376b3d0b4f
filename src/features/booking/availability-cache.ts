import { sql } from "drizzle-orm";
import type { Database } from "../../platform/db/database.ts";
import { resultRows } from "../../platform/db/result-rows.ts";
import { type BookableTherapist, bookableTherapists } from "./group/group-practice.ts";
import { type Availability, loadAvailability } from "./therapist-availability.ts";
import { reachDays } from "./visitor/times-in-weeks.ts";

const HOUR = 3_600_000;
const DAY = 86_400_000;

/** How long one load of a therapist's bookings and busy times may serve before it is read again. */
const freshForMs = HOUR;
/** At most this many therapists' inputs are held: a practice has a handful, so this never evicts in use. */
export const maxTherapistsHeld = 64;

type Held = { version: number; loadedAt: number; availability: Availability | undefined };

/**
 * What the times page reads about the therapists (record 061): who takes bookings, and each one's hours,
 * overrides, settings, bookings and busy times. Held in memory and asked about once per request: a single
 * read of the availability versions, which triggers in the database bump at every change to any of
 * those, made here or on another instance. So a page never shows what a committed change has taken away;
 * and booking still re-checks every start in its own transaction (book-consultation.ts).
 *
 * Bounded: one entry per therapist (at most `maxTherapistsHeld`, the least recently used going first), each
 * holding the bookings and busy times of the 400 days the page can reach and a few days either side, read
 * again hourly as the days move on.
 */
export class AvailabilityCache {
  private therapists: { signature: string; list: BookableTherapist[] } | undefined;
  private readonly held = new Map<string, Held>();
  private readonly loading = new Map<string, Promise<Held>>();
  private reading: Promise<Map<string, number>> | undefined;
  private queued: Promise<Map<string, number>> | undefined;

  constructor(private readonly db: Database) {}

  /**
   * Every therapist's version, as the database has them now (a therapist never changed has none: 0).
   * Requests arriving together share one read, but never one that began before they arrived: while a
   * read is under way, later requests wait for the next, so each sees every change committed before it.
   */
  versions(): Promise<Map<string, number>> {
    if (!this.reading) {
      this.reading = this.readVersions().finally(() => {
        this.reading = undefined;
      });
      return this.reading;
    }
    this.queued ??= this.reading.then(
      () => this.next(),
      () => this.next(),
    );
    return this.queued;
  }

  private next(): Promise<Map<string, number>> {
    this.queued = undefined;
    return this.versions();
  }

  private async readVersions(): Promise<Map<string, number>> {
    const rows = resultRows<{ therapist_id: string; version: string | number }>(
      await this.db.execute(sql`select therapist_id, version from availability_versions`),
    );
    return new Map(rows.map((row) => [row.therapist_id, Number(row.version)]));
  }

  /** The therapists a visitor may book, read again only when any therapist's version moved. */
  async bookable(versions: Map<string, number>): Promise<BookableTherapist[]> {
    const signature = [...versions]
      .map(([id, version]) => `${id}:${version}`)
      .sort()
      .join(",");
    if (this.therapists?.signature === signature) return this.therapists.list;
    const list = await bookableTherapists(this.db);
    this.therapists = { signature, list };
    return list;
  }

  /**
   * One therapist's inputs as of `now`: undefined when they no longer exist. Requests past their expiry
   * are left out here, as `holdsItsTimeAt(now)` leaves them out of a fresh read.
   */
  async availability(
    therapistId: string,
    versions: Map<string, number>,
    now: number,
  ): Promise<Availability | undefined> {
    const version = versions.get(therapistId) ?? 0;
    let entry = this.held.get(therapistId);
    if (!entry || entry.version !== version || now - entry.loadedAt >= freshForMs || now < entry.loadedAt) {
      entry = await this.load(therapistId, version, now);
    }
    // Most recently used last, so the first in the map is the one to let go.
    this.held.delete(therapistId);
    this.held.set(therapistId, entry);
    while (this.held.size > maxTherapistsHeld) this.held.delete(this.held.keys().next().value as string);
    const availability = entry.availability;
    if (!availability) return undefined;
    return {
      ...availability,
      bookings: availability.bookings.filter((b) => b.heldUntil === undefined || b.heldUntil > now),
    };
  }

  /** How many therapists' inputs are held (for the tests of the bound). */
  get size(): number {
    return this.held.size;
  }

  /**
   * Reads a therapist's inputs once however many requests ask at the same moment. The version was read
   * before the load, so a change during the load leaves an older number on newer data: read again at the
   * next request, never the reverse.
   */
  private load(therapistId: string, version: number, now: number): Promise<Held> {
    const key = `${therapistId}:${version}`;
    const pending = this.loading.get(key);
    if (pending) return pending;
    const promise = (async () => {
      // From two days back (a booking's buffers and the daily limit reach across a day's edges) to a few
      // days past the furthest the page looks (`reachDays`), so every week it shows is covered for
      // as long as the entry serves. A change of horizon bumps the version, so no settings are assumed.
      const window = { from: now - 2 * DAY, to: now + (reachDays + 3) * DAY };
      const availability = await loadAvailability(this.db, therapistId, window, undefined, new Date(now));
      return { version, loadedAt: now, availability };
    })().finally(() => this.loading.delete(key));
    this.loading.set(key, promise);
    return promise;
  }
}

const caches = new WeakMap<Database, AvailabilityCache>();

/**
 * The cache for a database handle: one per running app (the handle is made once at start), and one per
 * test's database, so tests never share what they hold. Kept beside the handle rather than on the app
 * context, so every caller of `whomToBook` shares it without being handed it.
 */
export function availabilityCacheFor(db: Database): AvailabilityCache {
  let cache = caches.get(db);
  if (!cache) {
    cache = new AvailabilityCache(db);
    caches.set(db, cache);
  }
  return cache;
}
