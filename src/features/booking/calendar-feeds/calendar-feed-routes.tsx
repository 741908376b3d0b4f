import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { z } from "zod";
import type { AppContext } from "../../../app-context.ts";
import { recordAudit } from "../../../platform/audit/record-audit.ts";
import { sendErrorPage } from "../../../platform/web/error-pages.tsx";
import { type FieldErrors, formPost } from "../../../platform/web/form-post.ts";
import { formIsGenuine, formTokenFor } from "../../../platform/web/form-security.ts";
import { renderPage } from "../../../platform/web/render-page.ts";
import { sendPrivate } from "../../../platform/web/send-private.ts";
import { authRateLimit, fieldText } from "../../accounts/route-helpers.ts";
import { therapistOf } from "../../accounts/signed-in-actor.ts";
import { subscriptionOf } from "../subscription/calendar-subscription.ts";
import { subscriptionAddresses } from "../subscription/subscription-section.tsx";
import { addFeed, feedsOf, removeFeed } from "./calendar-feeds.ts";
import { type AddFeedForm, CalendarsPage } from "./calendars-page.tsx";
import { checkFeedAddress } from "./feed-address-guard.ts";
import { refreshDueFeeds } from "./refresh-calendar-feeds.ts";

/** One form token serves every form on the calendars page, the subscription's too. */
export const calendarsFormName = "calendars";
const formName = calendarsFormName;
const feedParams = z.object({ id: z.uuid() });
const notices = {
  added: "Added and read. Its busy times now block consultation times.",
  "added-failed": "Added, but it could not be read yet: see below.",
  checked: "Read again just now.",
  "check-failed": "It could not be read: see below.",
  removed: "Removed. Its busy times no longer block anything.",
  "subscription-made": "Your private address is ready. Any older address has stopped working.",
  "subscription-stopped": "Stopped. The address no longer works; calendars subscribed to it will empty.",
  "expired-form": "This page was open for a long time, so nothing was changed. Please try again.",
} as const;
const noticeParam = z.enum(Object.keys(notices) as [keyof typeof notices, ...(keyof typeof notices)[]]);

/** The therapist's own calendars (issue 5, item 2): add, check, remove, and each one's last read. */
export function registerCalendarFeedRoutes(app: FastifyInstance, ctx: AppContext): void {
  const { db, site, keys, publicUrl, calendarFeedFetch: fetchOptions } = ctx;

  const page = async (request: FastifyRequest, reply: FastifyReply, status = 200, form?: AddFeedForm) => {
    const therapist = therapistOf(request);
    const notice = noticeParam.safeParse((request.query as Record<string, unknown>).notice);
    const subscription = await subscriptionOf(db, keys, therapist.id);
    return sendPrivate(
      reply,
      renderPage(
        <CalendarsPage
          site={site}
          feeds={await feedsOf(db, therapist.id)}
          token={formTokenFor(request, keys.current, formName, "session")}
          timeZone={therapist.timeZone}
          now={new Date()}
          subscription={
            subscription && {
              ...subscriptionAddresses(publicUrl, subscription.secret),
              lastReadAt: subscription.lastReadAt,
            }
          }
          notice={notice.success && status === 200 ? notices[notice.data] : undefined}
          {...(form ? { form } : {})}
        />,
      ),
      status,
    );
  };

  const genuine = (request: FastifyRequest) =>
    formIsGenuine(request, keys.current, formName, "session", publicUrl);

  app.get("/practice/booking/calendars", { config: { access: "therapist" } }, (request, reply) =>
    page(request, reply),
  );

  app.post(
    "/practice/booking/calendars",
    { config: { ...authRateLimit, access: "therapist" } },
    formPost({
      form: { name: formName, scope: "session", keys: keys.current, publicUrl },
      read: (body) => ({ label: fieldText(body, "label").trim(), url: fieldText(body, "url").trim() }),
      // Only the shape here: the address is checked over the network, and its problem is shown
      // together with the name's, so both are checked in one place below.
      schema: z.object({ label: z.string(), url: z.string() }),
      rerender: page,
      // This form's own answer to an old page, kept as it was: 400, and words saying nothing was saved.
      notGenuine: (request, reply, values) =>
        page(request, reply, 400, {
          values,
          problem: "This page was open for a long time, so nothing was saved. Please add it again.",
        }),
      handle: ({ request, reply, values, invalid }) => addCalendar(request, reply, values, invalid),
    }),
  );

  /** Adding a calendar's address: its checks, the feed, the audit, and a first read. */
  const addCalendar = async (
    request: FastifyRequest,
    reply: FastifyReply,
    values: { label: string; url: string },
    invalid: (errors: FieldErrors) => unknown,
  ) => {
    const therapist = therapistOf(request);
    const errors: Record<string, string> = {};
    if (values.label === "") errors.label = "Please give it a name, e.g. “Work calendar”.";
    else if (values.label.length > 80) errors.label = "Please keep the name under 80 characters.";
    if (values.url === "") errors.url = "Please paste the calendar's private address.";
    else if (values.url.length > 2000) errors.url = "This address is too long to be a calendar's address.";
    const checked = errors.url
      ? undefined
      : await checkFeedAddress(values.url, fetchOptions?.resolve, fetchOptions);
    if (checked && !checked.ok) errors.url = checked.reason;
    if (!checked?.ok || Object.keys(errors).length > 0) return invalid(errors);

    const id = await addFeed(db, keys, {
      therapistId: therapist.id,
      label: values.label,
      url: checked.url,
    });
    await recordAudit(db, {
      actor: `therapist:${therapist.id}`,
      action: "calendar-feed.added",
      subject: `therapist:${therapist.id}`,
    });
    const result = await refreshDueFeeds(db, keys, {
      feedId: id,
      ...(fetchOptions ? { fetch: fetchOptions } : {}),
    });
    return reply.redirect(
      `/practice/booking/calendars?notice=${result.read === 1 ? "added" : "added-failed"}`,
      303,
    );
  };

  app.post(
    "/practice/booking/calendars/:id/check",
    { config: { ...authRateLimit, access: "therapist" } },
    async (request, reply) => {
      const therapist = therapistOf(request);
      const params = feedParams.safeParse(request.params);
      if (!params.success) return sendErrorPage(reply, site, 404);
      const owned = (await feedsOf(db, therapist.id)).some((feed) => feed.id === params.data.id);
      if (!owned) return sendErrorPage(reply, site, 404);
      if (!genuine(request))
        return page(request, reply, 400, {
          problem: "This page was open for a long time. Please try again.",
        });
      const result = await refreshDueFeeds(db, keys, {
        feedId: params.data.id,
        ...(fetchOptions ? { fetch: fetchOptions } : {}),
      });
      // Being read by another instance this very moment counts as checked: its result shows on the page.
      const failed = result.failed + result.broken > 0;
      return reply.redirect(`/practice/booking/calendars?notice=${failed ? "check-failed" : "checked"}`, 303);
    },
  );

  app.post(
    "/practice/booking/calendars/:id/remove",
    { config: { ...authRateLimit, access: "therapist" } },
    async (request, reply) => {
      const therapist = therapistOf(request);
      const params = feedParams.safeParse(request.params);
      if (!params.success) return sendErrorPage(reply, site, 404);
      if (!genuine(request))
        return page(request, reply, 400, {
          problem: "This page was open for a long time. Please try again.",
        });
      if (!(await removeFeed(db, therapist.id, params.data.id))) return sendErrorPage(reply, site, 404);
      await recordAudit(db, {
        actor: `therapist:${therapist.id}`,
        action: "calendar-feed.removed",
        subject: `therapist:${therapist.id}`,
      });
      return reply.redirect("/practice/booking/calendars?notice=removed", 303);
    },
  );
}
