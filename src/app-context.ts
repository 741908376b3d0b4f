import type { Logger } from "pino";
import { clientDataTables } from "./client-data.ts";
import type { Config } from "./config.ts";
import { ConsentCheck } from "./features/accounts/clients/consent-check.ts";
import type { ConsentDocument } from "./features/accounts/clients/consent-documents.ts";
import {
  type LiveConsentDocuments,
  liveConsentDocuments,
} from "./features/accounts/clients/live-consent-documents.ts";
import type { InstrumentDefinition } from "./features/assessments/instruments/instrument-definition.ts";
import type { InstrumentPack } from "./features/assessments/instruments/instrument-pack.ts";
import type { BookingMailContext } from "./features/booking/booking-emails.ts";
import type { FetchFeedOptions } from "./features/booking/calendar-feeds/fetch-feed.ts";
import { manageToken } from "./features/booking/manage-link.ts";
import { createNotifier, type Notifier } from "./features/notifications/notify-therapist.ts";
import type { PathPiece } from "./features/path/path-piece.ts";
import { livePracticePages } from "./features/practice-settings/live-practice-pages.ts";
import { LivePracticeSettings } from "./features/practice-settings/live-practice-settings.ts";
import type { StoredSettings } from "./features/practice-settings/settings-store.ts";
import type { SiteContext } from "./features/practice-settings/site-context.ts";
import type { Piece } from "./features/repair/pieces/piece.ts";
import { type PracticePagesHtml, sitePaths } from "./features/site/site-routes.tsx";
import type { Database } from "./platform/db/database.ts";
import type { ClientDataTable } from "./platform/privacy/client-data.ts";
import type { KeyRing } from "./platform/security/field-encryption.ts";
import type { AssetRegistry } from "./platform/web/assets.ts";
import { HeldPages } from "./platform/web/held-pages.ts";
import { PageCache } from "./platform/web/page-cache.ts";
import { securityHeaders } from "./platform/web/security-headers.ts";
import type { StartupPhases } from "./startup/startup-phases.ts";

/** What buildApp is given: the configuration and what start-up read and opened. */
export type AppOptions = {
  config: Config;
  db: Database;
  keys: KeyRing;
  /** The practice's settings as stored in the database at start (record 053). */
  practice: StoredSettings;
  pages: PracticePagesHtml;
  consentDocuments: ConsentDocument[];
  /** The measures and the practice's instrument pack, validated at start. */
  instruments: InstrumentDefinition[];
  instrumentPack: InstrumentPack | undefined;
  /** The repair space's pieces, checked at start. */
  repairPieces: Piece[];
  /** The individual path's pieces, checked at start. */
  pathPieces: PathPiece[];
  demo: boolean;
  logger: Logger;
  /** How therapists' calendar feeds are fetched; tests point it at a local server. Unset in production. */
  calendarFeedFetch?: FetchFeedOptions | undefined;
  /** The server's start-up timings (start-server.ts); tests leave it out. */
  phases?: StartupPhases | undefined;
};

/**
 * Everything a feature's registrar may need, built once in app.ts and handed to each feature's
 * `register<Feature>(app, ctx)`. A registrar destructures what it uses; nothing declares its own deps.
 */
export type AppContext = {
  config: Config;
  db: Database;
  keys: KeyRing;
  site: SiteContext;
  /** The practice's settings as this instance holds them; `site.practice` reads through it. */
  settings: LivePracticeSettings;
  logger: Logger;
  /** The cache of public pages; a change to what they show clears it. */
  cache: PageCache;
  /** The addresses whose held page is answered before Fastify (record 073); routes declare theirs. */
  heldPages: HeldPages;
  /** `config.publicUrl`: links in emails and the same-origin check of posts. */
  publicUrl: URL;
  /** `config.secureCookies`: cookies set by a feature are Secure. */
  secure: boolean;
  /** `HAVEN_DEMO` forced on by the environment (the therapist cannot turn demo mode off). */
  demoForcedOn: boolean;
  /** The practice's privacy and accessibility pages, rendered from the database at each change. */
  pages: PracticePagesHtml;
  /** The site's own pages, listed in the sitemap beside the articles. */
  sitePaths: string[];
  /** The consent documents in force, from the stored settings at each change (record 059). */
  consentDocuments: LiveConsentDocuments;
  /** Whether a signed-in client has a new consent wording to accept first (record 060). */
  consentCheck: ConsentCheck;
  /** The measures and the practice's instrument pack, validated at start. */
  instruments: InstrumentDefinition[];
  instrumentPack: InstrumentPack | undefined;
  /** The repair space's pieces of preparation and reflection, read from content/repair at start. */
  repairPieces: Piece[];
  /** The individual path's pieces (content/path), opened one by one for a client as their own work. */
  pathPieces: PathPiece[];
  /** Every table of client data, for a client's export and erasure. */
  clientData: ClientDataTable[];
  /** Tells a therapist that something needs them (no content). */
  notifier: Notifier;
  /** What booking emails say about the practice, and each booking's manage link. */
  bookingMail: BookingMailContext;
  /** `HAVEN_EMBED_ORIGINS`, checked at start: the sites that may frame the booking flow. */
  embedOrigins: readonly string[];
  /** How therapists' calendar feeds are fetched; tests point it at a local server. Unset in production. */
  calendarFeedFetch: FetchFeedOptions | undefined;
};

/** The context every feature is registered with; `wakeJobs` wakes the job runner after an email is queued. */
export function createAppContext(
  options: AppOptions,
  assets: AssetRegistry,
  wakeJobs: () => void,
): AppContext {
  const { config, db, keys, demo, logger } = options;
  const settings = new LivePracticeSettings(db, options.practice, logger);
  const cache = new PageCache();
  const consentDocuments = liveConsentDocuments(settings, options.consentDocuments);
  // Pages cached with the old settings (help lines, the practice's name) go when the settings change.
  settings.onChange(() => cache.clear());
  const site: SiteContext = {
    // Read at each use, so a change to the settings shows on the next request (record 053).
    get practice() {
      return settings.current;
    },
    assets,
    demo,
    absoluteUrl: (pathname) => new URL(pathname, config.publicUrl).toString(),
  };
  return {
    config,
    db,
    keys,
    site,
    settings,
    logger,
    cache,
    heldPages: new HeldPages(cache, securityHeaders({ https: config.secureCookies }), logger),
    publicUrl: config.publicUrl,
    secure: config.secureCookies,
    demoForcedOn: config.demo === true,
    // Read at each request from the stored Markdown, like the settings (record 059).
    pages: livePracticePages(settings, options.pages),
    sitePaths,
    consentDocuments,
    consentCheck: new ConsentCheck(db, consentDocuments),
    instruments: options.instruments,
    instrumentPack: options.instrumentPack,
    repairPieces: options.repairPieces,
    pathPieces: options.pathPieces,
    clientData: clientDataTables,
    // Therapists are told that something needs them (no content); emails go through the job queue.
    notifier: createNotifier({
      db,
      keys,
      logger,
      get practiceName() {
        return settings.current.name;
      },
      practiceUrl: site.absoluteUrl("/practice"),
      wake: wakeJobs,
    }),
    bookingMail: {
      get practiceName() {
        return settings.current.name;
      },
      get practiceEmail() {
        return settings.current.contact.email;
      },
      publicHost: config.publicUrl.host,
      manageUrlFor: (bookingId: string) => site.absoluteUrl(`/book/manage/${manageToken(keys, bookingId)}`),
    },
    embedOrigins: config.embedOrigins,
    calendarFeedFetch: options.calendarFeedFetch,
  };
}
