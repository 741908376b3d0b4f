import { and, eq, ne } from "drizzle-orm";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { z } from "zod";
import type { AppContext } from "../../app-context.ts";
import { recordAudit } from "../../platform/audit/record-audit.ts";
import { sendErrorPage } from "../../platform/web/error-pages.tsx";
import { formPost } from "../../platform/web/form-post.ts";
import { formTokenFor } from "../../platform/web/form-security.ts";
import { renderPage } from "../../platform/web/render-page.ts";
import { sendPrivate } from "../../platform/web/send-private.ts";
import { clients } from "../accounts/clients/client.schema.ts";
import { openClientField } from "../accounts/clients/client-crypto.ts";
import { allow } from "../accounts/policies/policy.ts";
import { requestActor } from "../accounts/policies/request-actor.ts";
import { authRateLimit, fieldText } from "../accounts/route-helpers.ts";
import { therapistOf } from "../accounts/signed-in-actor.ts";
import { chartViewerOf, measureCharts } from "../assessments/charts/measure-charts.ts";
import { answerLines } from "../assessments/measures/answer-lines.ts";
import { assignMeasure } from "../assessments/measures/assign-measure.ts";
import { measuresOf } from "../assessments/measures/measure-assignments.ts";
import { measureChoices } from "../assessments/measures/measure-choices.ts";
import {
  askScheduledMeasures,
  runningSchedules,
  scheduleMeasure,
} from "../assessments/measures/measure-schedules.ts";
import { isSafetyScreen, measureWording } from "../assessments/measures/measure-wording.ts";
import { therapistMeasureMessages } from "../assessments/measures/messages.ts";
import { scoreMeasure } from "../assessments/measures/score-measure.ts";
import type { AssignForm, TherapistMeasure } from "../assessments/measures/therapist-measures-section.tsx";
import { coachSettingView } from "../language-coach/coach-setting-routes.tsx";
import { withQuestions } from "../repair/pieces/question-asked.ts";
import { jointWorkView } from "../safety/joint-work-view.ts";
import { entriesSharedWithTherapist } from "../workspace/entries.ts";
import { day } from "../workspace/entry-pages.tsx";
import { type ClientForTherapist, clientForTherapist } from "./client-for-therapist.ts";
import { ClientRecordPage } from "./client-record-page.tsx";
import { stopScheduleForm } from "./measure-schedule-routes.tsx";
import { practiceMessages as m } from "./messages.ts";

const assignFormName = "assign-measure";
const assignSchema = z.object({
  instrument: z.string({ error: m.assignChoose }),
  showClient: z.boolean(),
  often: z.enum(["once", "weekly"], { error: therapistMeasureMessages.oftenMissing }),
  weekday: z
    .string()
    .regex(/^[1-7]$/, therapistMeasureMessages.weekdayMissing)
    .transform(Number),
});
const closedMessage = m.assignClosed;
const refusedMessage = m.assignRefused;

/** The therapist's view of one client. Every opening is a staff read of clinical data, and is audited. */
export function registerClientRecordRoutes(app: FastifyInstance, ctx: AppContext): void {
  const { db, site, keys, publicUrl, instruments, instrumentPack: pack } = ctx;
  // The questions an answer was written to: the repair space's pieces and the individual path's.
  const repairPieces = [...ctx.repairPieces, ...ctx.pathPieces];
  // Read on every request: removing the demo data ends demo mode while the app runs.
  const rules = () => ({ instruments, pack, demo: site.demo });
  const assignChoices = () => measureChoices(instruments, pack, site.demo);

  const clientFor = (request: FastifyRequest) => clientForTherapist(db, request);

  const recordPage = async (
    request: FastifyRequest,
    reply: FastifyReply,
    found: ClientForTherapist,
    status = 200,
    form: Omit<AssignForm, "token" | "choices" | "withheld"> = {},
  ) => {
    const therapist = therapistOf(request);
    const { row, owned } = found;
    const actor = requestActor(request);
    const [partnerRow] = row.coupleId
      ? await db
          .select()
          .from(clients)
          .where(and(eq(clients.coupleId, row.coupleId), ne(clients.id, row.id)))
      : [];
    const shared = withQuestions(repairPieces, await entriesSharedWithTherapist(db, keys, row.id)).filter(
      (entry) =>
        allow(actor, "read", {
          type: "entry",
          ...owned,
          sharedWith: { partner: false, therapist: entry.sharedWithTherapistAt !== null },
        }),
    );
    // This week's asking of each weekly schedule, if its day has come round since the last.
    await askScheduledMeasures(db, rules(), row.id, site.practice.timeZone);
    const schedules = (await runningSchedules(db, row.id)).map((schedule) => ({
      id: schedule.id,
      title: instruments.find((d) => d.id === schedule.instrumentId)?.title ?? schedule.instrumentId,
      weekday: schedule.weekday,
      since: day(schedule.createdAt, therapist.timeZone),
    }));
    const measures = (await measuresOf(db, keys, row.id)).flatMap((measure): TherapistMeasure[] => {
      const definition = instruments.find((d) => d.id === measure.instrumentId);
      const resource = {
        type: "measure" as const,
        ...owned,
        resultsShownToClient: measure.resultsShownToClient,
      };
      if (!definition || !allow(actor, "read", resource)) return [];
      const outcome = scoreMeasure(definition, measure);
      // Only the instrument's id: the error itself may quote an answer.
      if (outcome.kind === "unscorable")
        request.log.warn({ instrumentId: definition.id }, "measure could not be scored");
      // A screen's individual answers matter to the therapist's follow-up (which question was yes), as
      // does the answer to a safety question inside a questionnaire (the check-in's).
      const wording = () => measureWording(definition, pack);
      const lines =
        isSafetyScreen(definition) && outcome.kind === "scored" && measure.answers
          ? answerLines(definition, wording(), measure.answers)
          : definition.safetyItems.length > 0 && measure.answers
            ? answerLines(definition, wording(), measure.answers, "safety-only")
            : undefined;
      return [{ measure, definition, outcome, answerLines: lines }];
    });
    await recordAudit(db, {
      actor: `therapist:${therapist.id}`,
      action: "client.record-read",
      subject: `client:${row.id}`,
    });
    const name = openClientField(keys, row.id, "name_encrypted", row.nameEncrypted);
    return sendPrivate(
      reply,
      renderPage(
        <ClientRecordPage
          site={site}
          clientId={row.id}
          name={name}
          status={row.status}
          partner={
            partnerRow && partnerRow.therapistId === therapist.id
              ? {
                  id: partnerRow.id,
                  name: openClientField(keys, partnerRow.id, "name_encrypted", partnerRow.nameEncrypted),
                }
              : undefined
          }
          shared={shared}
          measures={measures}
          charts={await measureCharts(db, keys, instruments, await chartViewerOf(db, row, true))}
          assignForm={{
            token: formTokenFor(request, keys.current, assignFormName, "session"),
            ...assignChoices(),
            schedules,
            stopToken: formTokenFor(request, keys.current, stopScheduleForm, "session"),
            ...(row.status === "closed" ? { closed: closedMessage(name) } : {}),
            ...form,
          }}
          timeZone={therapist.timeZone}
          coach={await coachSettingView(ctx, request, row.id)}
          jointWork={
            row.coupleId
              ? await jointWorkView(
                  db,
                  keys,
                  request,
                  { clientId: row.id, coupleId: row.coupleId },
                  therapist.timeZone,
                )
              : undefined
          }
        />,
      ),
      status,
    );
  };

  app.get("/practice/clients/:id", { config: { access: "therapist" } }, async (request, reply) => {
    const found = await clientFor(request);
    if (!found) return sendErrorPage(reply, site, 404);
    return recordPage(request, reply, found);
  });

  const chooseMessage = m.assignChoose;
  /** Asking for a measure, once the client is known to be one this therapist may ask. */
  const assignPost = (found: ClientForTherapist) =>
    formPost({
      form: { name: assignFormName, scope: "session", keys: keys.current, publicUrl },
      // Any measure Haven knows: whether it can be given now is the use case's decision, so a
      // hand-made post for one the form held back gets the same answer beside the field.
      read: (body) => {
        const chosen = instruments.find((definition) => definition.id === fieldText(body, "instrument"));
        return {
          ...(chosen ? { instrument: chosen.id } : {}),
          showClient: fieldText(body, "showClient") === "yes",
          often: fieldText(body, "often") || "once",
          weekday: fieldText(body, "weekday") || "1",
        };
      },
      schema: assignSchema,
      rerender: (request, reply, status, form) => recordPage(request, reply, found, status, form),
      // This form's own answer to an old page, kept as it was: 400, and words saying nothing was sent.
      notGenuine: (request, reply, values) =>
        recordPage(request, reply, found, 400, {
          values,
          problem: m.assignNotSent,
        }),
      handle: async ({ request, reply, data, values, invalid }) => {
        const chosen = instruments.find((definition) => definition.id === data.instrument);
        if (!chosen) return invalid({ instrument: chooseMessage });
        // A screen for harm never shows its result to the client: their screen may be seen by the partner.
        const therapistOnly = chosen.visibility === "therapist-only";
        const resultsShownToClient = !isSafetyScreen(chosen) && (!therapistOnly || data.showClient);
        const ask = {
          clientId: found.row.id,
          therapistId: therapistOf(request).id,
          instrumentId: chosen.id,
          resultsShownToClient,
        };
        const outcome =
          data.often === "weekly"
            ? await scheduleMeasure(db, rules(), { ...ask, weekday: data.weekday }, site.practice.timeZone)
            : await assignMeasure(db, rules(), ask);
        const refused = outcome.ok ? undefined : outcome.reason;
        if (refused === "client-not-open") {
          const name = openClientField(keys, found.row.id, "name_encrypted", found.row.nameEncrypted);
          const closed = found.row.status === "paused" ? m.assignPaused(name) : closedMessage(name);
          return recordPage(request, reply, found, 400, { values, closed });
        }
        if (refused) return invalid({ instrument: refusedMessage(chosen.title, refused) });
        return reply.redirect(`/practice/clients/${found.row.id}#measures`, 303);
      },
    });

  app.post(
    "/practice/clients/:id/measures",
    { config: { ...authRateLimit, access: "therapist" } },
    async (request, reply) => {
      const found = await clientFor(request);
      if (
        !found ||
        !allow(requestActor(request), "create", {
          type: "measure",
          ...found.owned,
          resultsShownToClient: false,
        })
      )
        return sendErrorPage(reply, site, 404);
      return assignPost(found)(request, reply);
    },
  );
}
