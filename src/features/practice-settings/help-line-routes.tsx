import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { AppContext } from "../../app-context.ts";
import { dateInputFormat, formatDateInput } from "../../platform/web/date-input.ts";
import { sendErrorPage } from "../../platform/web/error-pages.tsx";
import { type FieldErrors, type FormState, fieldText, formPost } from "../../platform/web/form-post.ts";
import { formIsGenuine, formTokenFor } from "../../platform/web/form-security.ts";
import { webMessages } from "../../platform/web/messages.ts";
import { renderPage } from "../../platform/web/render-page.ts";
import { sendPrivate } from "../../platform/web/send-private.ts";
import { authRateLimit } from "../accounts/route-helpers.ts";
import { therapistOf } from "../accounts/signed-in-actor.ts";
import { findHelpLine, putHelpLine, removeHelpLine } from "./help-line-edits.ts";
import { HelpLinePage } from "./help-line-page.tsx";
import { settingsMessages as m } from "./messages.ts";
import { type SaveResult, type SettingsChange, savePracticeSettings } from "./save-practice-settings.ts";
import { type LineValues, lineFields, lineSchema, readFields } from "./settings-forms.types.ts";
import { ownerMay, settingsFormName } from "./settings-routes.tsx";

const lineIdOf = (request: FastifyRequest): string | undefined => {
  const line = (request.params as { line?: string }).line;
  return line === "new" ? undefined : line;
};

/** Adding, changing and removing the practice's help lines, one line a page (record 053). */
export function registerHelpLineRoutes(app: FastifyInstance, ctx: AppContext): void {
  const { db, site, keys, publicUrl, settings } = ctx;
  const path = "/practice/settings/help-lines/:line";

  const blank = (): LineValues => ({
    version: String(settings.version),
    country: settings.current.country,
    kind: "crisis",
    name: "",
    number: "",
    note: "",
    verifiedOn: formatDateInput(new Date().toISOString().slice(0, 10), dateInputFormat(site.practice)),
  });

  const valuesOf = (id: string | undefined): LineValues | undefined => {
    if (id === undefined) return blank();
    const row = findHelpLine(settings.current.helpLines, id);
    if (!row) return undefined;
    const { code, kind, name, number, note, verifiedOn } = row;
    return {
      version: String(settings.version),
      country: code,
      kind,
      name,
      number,
      note: note ?? "",
      // Shown the way the practice types dates; stored as an ISO date.
      verifiedOn: formatDateInput(verifiedOn, dateInputFormat(site.practice)),
    };
  };

  const page = (
    request: FastifyRequest,
    reply: FastifyReply,
    status: number,
    form?: FormState<LineValues>,
  ) => {
    const id = lineIdOf(request);
    const values = form?.values ?? valuesOf(id);
    if (!values) return sendErrorPage(reply, site, 404);
    return sendPrivate(
      reply,
      renderPage(
        <HelpLinePage
          site={site}
          token={formTokenFor(request, keys.current, settingsFormName, "session")}
          lineId={id}
          form={{ ...form, values }}
        />,
      ),
      status,
    );
  };

  /** Saves a change to the help lines; a save by someone else meanwhile shows the lines as they are now. */
  const save = async (
    request: FastifyRequest,
    version: number,
    part: string,
    change: SettingsChange,
  ): Promise<SaveResult> => {
    const saved = await savePracticeSettings(db, {
      therapistId: therapistOf(request).id,
      expectedVersion: version,
      part,
      change,
      fieldFor: () => ["line", m.ownCountryNeeded],
    });
    if (saved.ok) settings.apply(saved.stored);
    else if (saved.stale) await settings.refresh();
    return saved;
  };

  app.get(path, { config: { access: "owner" } }, (request, reply) => page(request, reply, 200));

  const put = formPost({
    form: { name: settingsFormName, scope: "session", keys: keys.current, publicUrl },
    read: (body) => readFields(lineFields, body),
    schema: () => lineSchema(dateInputFormat(site.practice)),
    rerender: page,
    problemWhenInvalid: m.nothingSaved,
    handle: async ({ request, reply, data, invalid }) => {
      const id = lineIdOf(request);
      const saved = await save(
        request,
        data.version,
        id ? "help-line.change" : "help-line.add",
        (current) => {
          const edit = putHelpLine(current.helpLines, id, data);
          return edit.ok ? { ok: true, next: { ...current, helpLines: edit.helpLines } } : edit;
        },
      );
      if (saved.ok) return reply.redirect("/practice/settings?notice=lineSaved#help-lines", 303);
      if (saved.stale) return staleAnswer(request, reply);
      return invalid(saved.errors, saved.errors.line ?? m.nothingSaved);
    },
  });

  const staleAnswer = (request: FastifyRequest, reply: FastifyReply) => {
    const values = valuesOf(lineIdOf(request));
    if (!values) return reply.redirect("/practice/settings#help-lines", 303);
    return page(request, reply, 409, { values, problem: m.changedMeanwhile });
  };

  app.post(path, { config: { ...authRateLimit, access: "owner" } }, async (request, reply) => {
    if (!ownerMay(request)) return reply.redirect("/sign-in", 303);
    return put(request, reply);
  });

  app.post(`${path}/remove`, { config: { ...authRateLimit, access: "owner" } }, async (request, reply) => {
    if (!ownerMay(request)) return reply.redirect("/sign-in", 303);
    const id = lineIdOf(request);
    if (!formIsGenuine(request, keys.current, settingsFormName, "session", publicUrl) || id === undefined)
      return page(request, reply, 403, { values: valuesOf(id) ?? blank(), problem: webMessages.formExpired });
    const version = Number(fieldText(request.body, "version"));
    const saved = await save(request, version, "help-line.remove", (current) => {
      const edit = removeHelpLine(current.helpLines, id);
      return edit.ok ? { ok: true, next: { ...current, helpLines: edit.helpLines } } : edit;
    });
    if (saved.ok) return reply.redirect("/practice/settings?notice=lineRemoved#help-lines", 303);
    if (saved.stale) return staleAnswer(request, reply);
    const errors: FieldErrors = saved.errors;
    const values = valuesOf(id);
    if (!values) return reply.redirect("/practice/settings#help-lines", 303);
    return page(request, reply, 400, { values, problem: errors.line ?? m.nothingSaved });
  });
}
