import path from "node:path";
import cookie from "@fastify/cookie";
import formbody from "@fastify/formbody";
import rateLimit from "@fastify/rate-limit";
import Fastify, { type FastifyBaseLogger, type FastifyInstance, LogController } from "fastify";
import { type AppOptions, createAppContext } from "./app-context.ts";
import { registerAccessGates } from "./features/accounts/access-gates.ts";
import { accountRequestJobHandlers } from "./features/accounts/account-request-jobs.ts";
import { registerAccounts } from "./features/accounts/register-accounts.ts";
import { ArticleChanges } from "./features/articles/article-changes.ts";
import { articleJobHandlers } from "./features/articles/editor/publish-scheduled-article.ts";
import { registerArticles } from "./features/articles/register-articles.ts";
import { registerAssessments } from "./features/assessments/register-assessments.ts";
import { bookingJobHandlers } from "./features/booking/booking-jobs.ts";
import { startCalendarFeedRefresher } from "./features/booking/calendar-feeds/calendar-feed-refresher.ts";
import { registerBooking } from "./features/booking/register-booking.ts";
import { registerCycleMap } from "./features/cycle-map/register-cycle-map.ts";
import { coachScriptEntry, coachScriptName } from "./features/language-coach/coach-script.ts";
import { registerLanguageCoach } from "./features/language-coach/register-language-coach.ts";
import { registerNotifications } from "./features/notifications/register-notifications.ts";
import { registerPath } from "./features/path/register-path.ts";
import { registerPausedClientGate } from "./features/practice/pause/paused-client-gate.tsx";
import { registerPractice } from "./features/practice/register-practice.ts";
import type { LivePracticeSettings } from "./features/practice-settings/live-practice-settings.ts";
import { registerPracticeSettings } from "./features/practice-settings/register-practice-settings.ts";
import { registerRepair } from "./features/repair/register-repair.ts";
import { retentionJob } from "./features/retention/retention-job.ts";
import { registerCrisisWordsCheck } from "./features/safety/crisis-words-check.ts";
import { registerSafety } from "./features/safety/register-safety.ts";
import { registerSessions } from "./features/sessions/register-sessions.ts";
import { sessionJobHandlers } from "./features/sessions/session-reminders.ts";
import { registerSite } from "./features/site/register-site.ts";
import { registerTriggerLog } from "./features/trigger-log/register-trigger-log.ts";
import { registerWorkspace } from "./features/workspace/register-workspace.ts";
import { JobRunner } from "./platform/jobs/job-runner.ts";
import { emailJobHandler, emailJobKind } from "./platform/mail/email-job.ts";
import { createMailer } from "./platform/mail/mailer.ts";
import { databaseRateLimitStore } from "./platform/security/rate-limit/database-rate-limit-store.ts";
import { registerAssetRoutes } from "./platform/web/asset-routes.ts";
import { buildAssets } from "./platform/web/assets.ts";
import { frameworkErrorPage, registerErrorPages } from "./platform/web/error-pages.tsx";
import { registerHealthRoutes } from "./platform/web/health-routes.ts";
import { lazyRequestLogger } from "./platform/web/lazy-request-logger.ts";
import { registerRequestLogging } from "./platform/web/request-logging.ts";
import { requireDeclaredAccess } from "./platform/web/route-access.ts";
import { safeError } from "./platform/web/safe-error.ts";
import { registerSecurityHeaders } from "./platform/web/security-headers.ts";
import { registerSessionCookie } from "./platform/web/session-cookie.ts";
import { trustedProxies } from "./platform/web/trusted-proxies.ts";

/** Form posts are small; a larger body is refused before it is read. */
const bodyLimitBytes = 64 * 1024;

/** The Fastify instance with the platform plugins and every feature's routes. */
export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const { config } = options;
  // The stylesheet and scripts are built at the first start and kept in the data dir while their inputs
  // are unchanged (record 063).
  const assets = await buildAssets(
    config.contentDir,
    { [coachScriptName]: coachScriptEntry },
    { cacheDir: path.join(config.dataDir, "cache", "assets") },
  );
  options.logger.info({ ...assets.build }, "assets ready");
  options.phases?.mark("assets");
  const ctx = createAppContext(options, assets, () => jobs.wake());
  const { db, keys, site, notifier, bookingMail } = ctx;
  const app: FastifyInstance = Fastify({
    loggerInstance: options.logger as FastifyBaseLogger,
    // request-logging.ts logs route patterns instead of Fastify's lines, which carry URLs.
    logController: new LogController({ disableRequestLogging: true }),
    // A request's logger is made when it writes a line, not for every request (record 046).
    childLoggerFactory: lazyRequestLogger,
    trustProxy: trustedProxies(config.trustProxy),
    bodyLimit: bodyLimitBytes,
    return503OnClosing: true,
    routerOptions: { maxParamLength: 200 },
    frameworkErrors: frameworkErrorPage(site),
    // Held public pages are answered before Fastify; every other request comes here (record 073).
    serverFactory: ctx.heldPages.serverFactory,
  });
  app.addHook("preClose", (done) => {
    ctx.heldPages.close();
    done();
  });

  registerRequestLogging(app);
  requireDeclaredAccess(app);
  registerSecurityHeaders(app, { https: config.secureCookies });
  await app.register(cookie, { secret: keys.current.derive("cookie").toString("hex") });
  await app.register(formbody, { bodyLimit: bodyLimitBytes });
  registerSessionCookie(app, db, config.secureCookies);
  registerAccessGates(app, ctx);
  // After the access gates, so the signed-in client is known when crisis words are found.
  registerCrisisWordsCheck(app, ctx);
  // After the crisis-words check, so a paused client's refused post still alerts the therapist (record 058).
  registerPausedClientGate(app, ctx);
  // Never global: cached public GETs are not limited; each POST route opts in with its own limits.
  // Counted in the database, so several instances enforce one limit (record 057). When the count
  // cannot be made the database is down, and the route itself answers 503 with the form kept.
  await app.register(rateLimit, {
    global: false,
    skipOnError: true,
    store: databaseRateLimitStore(db, keys),
  });
  registerErrorPages(app, site);

  // Background work: every email goes through the job queue. Features wake the runner after the
  // transaction that enqueued; the server starts its timer (tests drive it directly).
  const mailer = createMailer({
    smtpUrl: config.smtpUrl,
    outboxDir: path.join(config.dataDir, "outbox"),
    // Read at each send, so a change to the practice's name or address needs no restart.
    get from() {
      return `${site.practice.name} <${site.practice.contact.email}>`;
    },
  });
  const retention = retentionJob(db, keys, config, options.logger);
  const jobs: JobRunner = new JobRunner(
    db,
    keys,
    {
      [emailJobKind]: emailJobHandler(mailer),
      ...bookingJobHandlers(db, keys, bookingMail, () => jobs.wake()),
      ...sessionJobHandlers(db, keys, bookingMail, () => jobs.wake()),
      ...notifier.jobHandlers,
      ...retention.handlers,
      // A scheduled article goes on the site at its time; this instance's cached pages go with it.
      ...articleJobHandlers(
        db,
        () => site.practice.timeZone,
        () => ctx.cache.clear(),
      ),
      ...accountRequestJobHandlers(
        db,
        keys,
        {
          get practiceName() {
            return site.practice.name;
          },
          absoluteUrl: site.absoluteUrl,
        },
        () => jobs.wake(),
      ),
    },
    options.logger,
  );
  app.decorate("jobs", jobs);
  app.decorate("practiceSettings", ctx.settings);
  // The daily purge (record 047): planned at start unless a run is waiting; tried again a minute later
  // while the database cannot be reached.
  const planRetention = (): void => {
    retention
      .start()
      .then((added) => added && jobs.wake())
      .catch((error: unknown) => {
        options.logger.warn(
          { error: safeError(error) },
          "retention job not planned; trying again in a minute",
        );
        setTimeout(() => jobs.alive() && planRetention(), 60_000).unref();
      });
  };
  // Started with the server (start-server.ts), not in tests, which read feeds when they choose.
  let feedRefresher: { stop(): Promise<void> } | undefined;
  // Articles changed on another instance (or published by its job queue) empty this one's cache too.
  const articleChanges = new ArticleChanges(db, () => ctx.cache.clear(), options.logger);
  app.decorate("articleChanges", articleChanges);
  app.decorate("startBackgroundWork", () => {
    jobs.start();
    planRetention();
    feedRefresher ??= startCalendarFeedRefresher(db, keys, options.logger);
    ctx.settings.start();
    articleChanges.start();
  });
  app.addHook("onClose", async () => {
    await jobs.stop();
    await feedRefresher?.stop();
    ctx.settings.stop();
    articleChanges.stop();
    mailer.close();
  });

  registerHealthRoutes(app, { db, jobsAlive: () => jobs.alive() });
  registerAssetRoutes(app, assets);
  registerSite(app, ctx);
  registerArticles(app, ctx);
  registerAccounts(app, ctx);
  registerWorkspace(app, ctx);
  registerSafety(app, ctx);
  registerRepair(app, ctx);
  registerSessions(app, ctx);
  registerCycleMap(app, ctx);
  registerPath(app, ctx);
  registerTriggerLog(app, ctx);
  registerLanguageCoach(app, ctx);
  registerNotifications(app, ctx);
  registerPractice(app, ctx);
  registerPracticeSettings(app, ctx);
  registerAssessments(app, ctx);
  await registerBooking(app, ctx);

  return app;
}

declare module "fastify" {
  interface FastifyInstance {
    jobs: JobRunner;
    /** The practice's settings as this instance holds them (tests refresh them by hand). */
    practiceSettings: LivePracticeSettings;
    /** Notices articles changed by another instance (tests look by hand). */
    articleChanges: ArticleChanges;
    /** The job queue and the calendar-feed reader: what runs in the background of a serving instance. */
    startBackgroundWork(): void;
  }
}
