import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { z } from "zod";
import type { AppContext } from "../../app-context.ts";
import { actionPost, type FormState, formPost } from "../../platform/web/form-post.ts";
import { formTokenFor } from "../../platform/web/form-security.ts";
import { webMessages } from "../../platform/web/messages.ts";
import { renderPage } from "../../platform/web/render-page.ts";
import { sendPrivate } from "../../platform/web/send-private.ts";
import { allow } from "../accounts/policies/policy.ts";
import { requestActor } from "../accounts/policies/request-actor.ts";
import { authRateLimit } from "../accounts/route-helpers.ts";
import { therapistOf } from "../accounts/signed-in-actor.ts";
import { helpLineRows } from "./help-line-edits.ts";
import { settingsMessages as m } from "./messages.ts";
import type { PracticeSettings } from "./practice-settings.types.ts";
import { savePracticeSettings } from "./save-practice-settings.ts";
import { sendTestEmail } from "./send-test-email.ts";
import { type DetailsValues, detailsFields, detailsSchema, readFields } from "./settings-forms.types.ts";
import { SettingsPage } from "./settings-page.tsx";

export const settingsFormName = "practice-settings";
const noticeParam = z.enum(["saved", "lineSaved", "lineRemoved"]);

/** Only the practice's owner changes its settings; others were answered 404 by the access gate. */
export const ownerMay = (request: FastifyRequest): boolean =>
  allow(requestActor(request), "update", { type: "practice-admin" });

const detailsOf = (settings: PracticeSettings, version: number): DetailsValues => ({
  version: String(version),
  name: settings.name,
  country: settings.country,
  timeZone: settings.timeZone,
  email: settings.contact.email,
  phone: settings.contact.phone ?? "",
  quickExitUrl: settings.quickExitUrl,
  recordRetentionYears: String(settings.recordRetentionYears),
});

/** The owner's page of the practice's settings, and the save of its details (record 053). */
export function registerSettingsRoutes(app: FastifyInstance, ctx: AppContext): void {
  const { db, site, keys, publicUrl, settings, config } = ctx;

  const page = (
    request: FastifyRequest,
    reply: FastifyReply,
    status: number,
    form?: FormState<DetailsValues>,
    said?: string,
  ) => {
    const notice = noticeParam.safeParse((request.query as Record<string, unknown>).notice);
    return sendPrivate(
      reply,
      renderPage(
        <SettingsPage
          site={site}
          token={formTokenFor(request, keys.current, settingsFormName, "session")}
          form={form ?? { values: detailsOf(settings.current, settings.version) }}
          lines={helpLineRows(settings.current.helpLines)}
          consentDocuments={ctx.consentDocuments.current}
          notice={said ?? (notice.success ? m.notices[notice.data] : undefined)}
        />,
      ),
      status,
    );
  };

  app.get("/practice/settings", { config: { access: "owner" } }, (request, reply) =>
    page(request, reply, 200),
  );

  const save = formPost({
    form: { name: settingsFormName, scope: "session", keys: keys.current, publicUrl },
    read: (body) => readFields(detailsFields, body),
    schema: detailsSchema,
    rerender: page,
    problemWhenInvalid: m.nothingSaved,
    handle: async ({ request, reply, data, invalid }) => {
      const saved = await savePracticeSettings(db, {
        therapistId: therapistOf(request).id,
        expectedVersion: data.version,
        part: "details",
        change: (current) => ({
          ok: true,
          next: {
            ...current,
            name: data.name,
            country: data.country,
            timeZone: data.timeZone,
            contact: { ...current.contact, email: data.email, phone: data.phone },
            quickExitUrl: data.quickExitUrl,
            recordRetentionYears: data.recordRetentionYears,
          },
        }),
        // The fields were checked above; what is left is the rule that the practice's country has help lines.
        fieldFor: (issue) =>
          issue.path[0] === "helpLines"
            ? ["country", m.noHelpLinesForCountry(data.country)]
            : ["name", issue.message],
      });
      if (!saved.ok && saved.stale)
        return page(request, reply, 409, {
          values: detailsOf(settings.current, settings.version),
          problem: m.changedMeanwhile,
        });
      if (!saved.ok) return invalid(saved.errors);
      settings.apply(saved.stored);
      return reply.redirect("/practice/settings?notice=saved", 303);
    },
  });

  app.post(
    "/practice/settings",
    { config: { ...authRateLimit, access: "owner" } },
    async (request, reply) => {
      if (!ownerMay(request)) return reply.redirect("/sign-in", 303);
      return save(request, reply);
    },
  );

  // The SMTP server's answer is shown on the page itself, never put in an address.
  app.post(
    "/practice/settings/test-email",
    { config: { ...authRateLimit, access: "owner" } },
    actionPost({
      form: { name: settingsFormName, scope: "session", keys: keys.current, publicUrl },
      notGenuine: (request, reply) => {
        if (!ownerMay(request)) return reply.redirect("/sign-in", 303);
        return page(request, reply, 403, undefined, webMessages.formExpired);
      },
      handle: async (request, reply) => {
        if (!ownerMay(request)) return reply.redirect("/sign-in", 303);
        const said = await sendTestEmail(db, config, settings.current, therapistOf(request));
        return page(request, reply, 200, undefined, said);
      },
    }),
  );
}
