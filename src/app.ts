import path from "node:path";
import cookie from "@fastify/cookie";
import formbody from "@fastify/formbody";
import rateLimit from "@fastify/rate-limit";
import Fastify, { type FastifyBaseLogger, type FastifyInstance, LogController } from "fastify";
import { type AppOptions, createAppContext } from "./app-context.ts";
import { clientDataTables } from "./client-data.ts";
import { registerAccessGates } from "./features/accounts/access-gates.ts";
import { registerAccountRoutes } from "./features/accounts/account-routes.tsx";
import { registerClientRightsRoutes } from "./features/accounts/clients/client-rights-routes.tsx";
import { registerClientRoutes } from "./features/accounts/clients/client-routes.tsx";
import { registerPasswordRoutes } from "./features/accounts/password-routes.tsx";
import { registerSecondFactorRoutes } from "./features/accounts/second-factor/second-factor-routes.tsx";
import { registerArticles } from "./features/articles/register-articles.ts";
import { catalogue } from "./features/assessments/instruments/instrument-catalogue.ts";
import { registerMeasureRoutes } from "./features/assessments/measures/measure-routes.tsx";
import { registerSelfCheckRoutes } from "./features/assessments/self-check/self-check-routes.tsx";
import { bookingJobHandlers } from "./features/booking/booking-jobs.ts";
import { startCalendarFeedRefresher } from "./features/booking/calendar-feeds/calendar-feed-refresher.ts";
import { registerCalendarFeedRoutes } from "./features/booking/calendar-feeds/calendar-feed-routes.tsx";
import { registerEmbedRoutes } from "./features/booking/embed/embed-routes.ts";
import { registerSubscriptionRoutes } from "./features/booking/subscription/subscription-routes.ts";
import { registerBookingSettingsRoutes } from "./features/booking/therapist/booking-settings-routes.tsx";
import { registerConsultationsRoutes } from "./features/booking/therapist/consultations-routes.tsx";
import { registerBookingRoutes } from "./features/booking/visitor/booking-routes.tsx";
import { registerManageRoutes } from "./features/booking/visitor/manage-routes.tsx";
import { registerNotificationRoutes } from "./features/notifications/notification-routes.tsx";
import { registerAuditLogRoutes } from "./features/practice/audit-log-routes.tsx";
import { registerClientRecordRoutes } from "./features/practice/client-record-routes.tsx";
import { registerPracticeRoutes } from "./features/practice/practice-routes.tsx";
import { registerTherapistsRoutes } from "./features/practice/therapists-routes.tsx";
import { registerCrisisWordsCheck } from "./features/safety/crisis-words-check.ts";
import { registerJointWorkRoutes } from "./features/safety/joint-work-routes.tsx";
import { registerSite } from "./features/site/register-site.ts";
import { registerEntryRoutes } from "./features/workspace/entry-routes.tsx";
import { JobRunner } from "./platform/jobs/job-runner.ts";
import { emailJobHandler, emailJobKind } from "./platform/mail/email-job.ts";
import { createMailer } from "./platform/mail/mailer.ts";
import { registerAssetRoutes } from "./platform/web/asset-routes.ts";
import { buildAssets } from "./platform/web/assets.ts";
import { frameworkErrorPage, registerErrorPages } from "./platform/web/error-pages.tsx";
import { registerRequestLogging } from "./platform/web/request-logging.ts";
import { requireDeclaredAccess } from "./platform/web/route-access.ts";
import { registerSecurityHeaders } from "./platform/web/security-headers.ts";
import { registerSessionCookie } from "./platform/web/session-cookie.ts";

/** Form posts are small; a larger body is refused before it is read. */
const bodyLimitBytes = 64 * 1024;

/** The Fastify instance with the platform plugins and every feature's routes. */
export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const { config } = options;
  const assets = await buildAssets(config.contentDir);
  const ctx = createAppContext(options, assets, () => jobs.wake());
  const { db, keys, site, cache, notifier, bookingMail } = ctx;
  const { practice, consentDocuments } = options;
  const app: FastifyInstance = Fastify({
    loggerInstance: options.logger as FastifyBaseLogger,
    // request-logging.ts logs route patterns instead of Fastify's lines, which carry URLs.
    logController: new LogController({ disableRequestLogging: true }),
    trustProxy: config.trustProxy,
    bodyLimit: bodyLimitBytes,
    return503OnClosing: true,
    routerOptions: { maxParamLength: 200 },
    frameworkErrors: frameworkErrorPage(site),
  });

  registerRequestLogging(app);
  requireDeclaredAccess(app);
  await registerSecurityHeaders(app, { https: config.secureCookies });
  await app.register(cookie, { secret: keys.current.derive("cookie").toString("hex") });
  await app.register(formbody, { bodyLimit: bodyLimitBytes });
  registerSessionCookie(app, db, config.secureCookies);
  registerAccessGates(app, db, site);
  // After the access gates, so the signed-in client is known when crisis words are found.
  registerCrisisWordsCheck(app, { db, notifier });
  // Never global: cached public GETs are not limited; each POST route opts in with its own limits.
  await app.register(rateLimit, { global: false });
  registerErrorPages(app, site);

  // Background work: every email goes through the job queue. Features wake the runner after the
  // transaction that enqueued; the server starts its timer (tests drive it directly).
  const mailer = createMailer({
    smtpUrl: config.smtpUrl,
    outboxDir: path.join(config.dataDir, "outbox"),
    from: `${practice.name} <${practice.contact.email}>`,
  });
  const jobs: JobRunner = new JobRunner(
    db,
    keys,
    {
      [emailJobKind]: emailJobHandler(mailer),
      ...bookingJobHandlers(db, keys, bookingMail, () => jobs.wake()),
      ...notifier.jobHandlers,
    },
    options.logger,
  );
  app.decorate("jobs", jobs);
  // Started with the server (start-server.ts), not in tests, which read feeds when they choose.
  let feedRefresher: { stop(): Promise<void> } | undefined;
  app.decorate("startBackgroundWork", () => {
    jobs.start();
    feedRefresher ??= startCalendarFeedRefresher(db, keys, options.logger);
  });
  app.addHook("onClose", async () => {
    await jobs.stop();
    await feedRefresher?.stop();
    mailer.close();
  });

  registerAssetRoutes(app, assets);
  registerSite(app, ctx);
  registerArticles(app, ctx);
  registerAccountRoutes(app, { db, site, keys, config });
  const secure = config.secureCookies;
  registerSecondFactorRoutes(app, { db, site, keys, publicUrl: config.publicUrl, secure });
  registerClientRoutes(app, { db, site, keys, publicUrl: config.publicUrl, secure, consentDocuments });
  registerClientRightsRoutes(app, {
    db,
    site,
    keys,
    publicUrl: config.publicUrl,
    secure,
    clientData: clientDataTables,
  });
  registerEntryRoutes(app, {
    db,
    site,
    keys,
    publicUrl: config.publicUrl,
    secretsPolicy: consentDocuments.find((document) => document.id === "secrets-between-partners"),
    notifier,
  });
  registerJointWorkRoutes(app, { db, site, keys, publicUrl: config.publicUrl });
  registerNotificationRoutes(app, { db, site, keys, publicUrl: config.publicUrl });
  registerPracticeRoutes(app, {
    db,
    site,
    keys,
    measures: catalogue(options.instruments, options.instrumentPack),
  });
  registerAuditLogRoutes(app, { db, site, keys });
  registerSelfCheckRoutes(app, { db, site, keys, publicUrl: config.publicUrl, secure });
  registerClientRecordRoutes(app, {
    db,
    site,
    keys,
    publicUrl: config.publicUrl,
    instruments: options.instruments,
    pack: options.instrumentPack,
  });
  registerMeasureRoutes(app, {
    db,
    site,
    keys,
    publicUrl: config.publicUrl,
    instruments: options.instruments,
    pack: options.instrumentPack,
    notifier,
  });
  registerBookingRoutes(app, { db, site, keys, publicUrl: config.publicUrl, mail: bookingMail });
  registerManageRoutes(app, { db, site, keys, publicUrl: config.publicUrl, mail: bookingMail });
  await registerEmbedRoutes(app, {
    db,
    site,
    keys,
    publicUrl: config.publicUrl,
    mail: bookingMail,
    origins: config.embedOrigins,
  });
  registerBookingSettingsRoutes(app, { db, site, keys, publicUrl: config.publicUrl });
  registerCalendarFeedRoutes(app, {
    db,
    site,
    keys,
    publicUrl: config.publicUrl,
    fetchOptions: options.calendarFeedFetch,
  });
  registerSubscriptionRoutes(app, { db, site, keys, publicUrl: config.publicUrl });
  registerConsultationsRoutes(app, { db, site, keys, publicUrl: config.publicUrl, mail: bookingMail });
  registerPasswordRoutes(app, { db, site, keys, publicUrl: config.publicUrl });
  registerTherapistsRoutes(app, {
    db,
    site,
    keys,
    cache,
    publicUrl: config.publicUrl,
    demoForcedOn: config.demo === true,
  });

  return app;
}

declare module "fastify" {
  interface FastifyInstance {
    jobs: JobRunner;
    /** The job queue and the calendar-feed reader: what runs in the background of a serving instance. */
    startBackgroundWork(): void;
  }
}
