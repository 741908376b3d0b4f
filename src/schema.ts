// Every table Haven has, gathered for drizzle-kit (drizzle.config.ts) to generate migrations. Nothing
// else imports it: the database handle carries no schema, so the platform knows no feature's tables.
export * from "./features/accounts/clients/client.schema.ts";
export * from "./features/accounts/second-factor/recovery-code.schema.ts";
export * from "./features/accounts/therapist.schema.ts";
export * from "./features/accounts/therapist-link.schema.ts";
export * from "./features/articles/article.schema.ts";
export * from "./features/articles/article-history.schema.ts";
export * from "./features/assessments/charts/chart-share.schema.ts";
export * from "./features/assessments/measures/measure-assignment.schema.ts";
export * from "./features/assessments/measures/measure-schedule.schema.ts";
export * from "./features/assessments/self-check/self-check-handoff.schema.ts";
export * from "./features/booking/booking.schema.ts";
export * from "./features/booking/booking-settings.schema.ts";
export * from "./features/booking/calendar-feeds/calendar-feed.schema.ts";
export * from "./features/booking/date-override.schema.ts";
export * from "./features/booking/subscription/calendar-subscription.schema.ts";
export * from "./features/booking/weekly-hours.schema.ts";
export * from "./features/cycle-map/cycle.schema.ts";
export * from "./features/language-coach/coach-setting.schema.ts";
export * from "./features/notifications/notification.schema.ts";
export * from "./features/path/path.schema.ts";
export * from "./features/repair/repair.schema.ts";
export * from "./features/workspace/entry.schema.ts";
export * from "./platform/audit/audit.schema.ts";
export * from "./platform/db/app-settings.schema.ts";
export * from "./platform/jobs/job.schema.ts";
export * from "./platform/security/sessions/session.schema.ts";
