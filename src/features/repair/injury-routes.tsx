import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { AppContext } from "../../app-context.ts";
import { recordAudit } from "../../platform/audit/record-audit.ts";
import { dateInputFormat } from "../../platform/web/date-input.ts";
import { sendErrorPage } from "../../platform/web/error-pages.tsx";
import { actionPost, type FormState, fieldText, formPost } from "../../platform/web/form-post.ts";
import { formTokenFor } from "../../platform/web/form-security.ts";
import { renderPage } from "../../platform/web/render-page.ts";
import { sendPrivate } from "../../platform/web/send-private.ts";
import { authRateLimit } from "../accounts/route-helpers.ts";
import { therapistOf } from "../accounts/signed-in-actor.ts";
import { answersSharedWithTherapist } from "../workspace/piece-answers.ts";
import { coupleInjuryFor } from "./couple-record.ts";
import { type InjuryStatus, openStory, renameInjury, setInjuryStatus } from "./injuries.ts";
import { injuryNameSchema, markSchema, readInjuryName, readMark, whoWasHurt } from "./injury-forms.ts";
import { InjuryPage, type MarkForm } from "./injury-page.tsx";
import { repairTherapistMessages as m } from "./messages.ts";
import { closePiece, openPiece } from "./opened-pieces.ts";
import { markStep } from "./repair-marks.ts";
import { repairFormName } from "./repair-overview-routes.tsx";
import { storyOf } from "./story.ts";
import { partnersOf, therapistRepair } from "./therapist-repair-view.ts";

type NameValues = { name: string; who: string };
const blankMark: MarkForm = { values: { step: "", observedOn: "", note: "" } };
const statuses: InjuryStatus[] = ["active", "paused", "closed"];

/** One injury of a couple, for their therapist: rename, pace, mark, open pieces, open the story. */
export function registerInjuryRoutes(app: FastifyInstance, ctx: AppContext): void {
  const { db, site, keys, publicUrl, repairPieces } = ctx;
  const form = { name: repairFormName, scope: "session" as const, keys: keys.current, publicUrl };
  const config = { ...authRateLimit, access: "therapist" as const };
  const path = "/practice/clients/:id/injuries/:injuryId";

  const page = async (
    request: FastifyRequest,
    reply: FastifyReply,
    status: number,
    forms: { name?: FormState<NameValues>; mark?: MarkForm; notice?: string } = {},
  ) => {
    const therapist = therapistOf(request);
    const found = await coupleInjuryFor(db, keys, request, "read");
    if (!found) return sendErrorPage(reply, site, 404);
    const repair = await therapistRepair(db, keys, repairPieces, found.record.coupleId);
    const item = repair.injuries.find((i) => i.injury.id === found.injury.id);
    if (!item) return sendErrorPage(reply, site, 404);
    await recordAudit(db, {
      actor: `therapist:${therapist.id}`,
      action: "injury.read",
      subject: `injury:${found.injury.id}`,
    });
    const who = item.injury.whoWasHurt;
    const current = { name: item.injury.name, who: who.kind === "each" ? "each" : who.clientId };
    const token = formTokenFor(request, keys.current, repairFormName, "session");
    return sendPrivate(
      reply,
      renderPage(
        <InjuryPage
          site={site}
          recordId={found.record.recordId}
          repair={repair}
          item={item}
          story={await storyOf(db, keys, found.injury.id)}
          shared={await answersSharedWithTherapist(db, keys, found.injury.id)}
          pieces={repairPieces}
          token={token}
          nameForm={{ token, values: current, ...forms.name }}
          markForm={forms.mark ?? blankMark}
          notice={forms.notice}
          timeZone={therapist.timeZone}
        />,
      ),
      status,
    );
  };
  /** Every change comes back to the injury's page, where the therapist sees what it did. */
  const back = (request: FastifyRequest, reply: FastifyReply) => {
    const { id, injuryId } = request.params as { id: string; injuryId: string };
    return reply.redirect(`/practice/clients/${id}/injuries/${injuryId}?notice=saved`, 303);
  };
  const notFound = (_request: FastifyRequest, reply: FastifyReply) => sendErrorPage(reply, site, 404);

  app.get(path, { config: { access: "therapist" } }, (request, reply) =>
    page(
      request,
      reply,
      200,
      (request.query as Record<string, unknown>).notice === "saved" ? { notice: m.saved } : {},
    ),
  );

  app.post(
    path,
    { config },
    formPost({
      form,
      read: readInjuryName,
      schema: injuryNameSchema,
      rerender: (request, reply, status, state) => page(request, reply, status, { name: state }),
      handle: async ({ request, reply, data, invalid }) => {
        const found = await coupleInjuryFor(db, keys, request, "update");
        if (!found) return notFound(request, reply);
        const who = whoWasHurt(data.who, await partnersOf(db, keys, found.record.coupleId));
        if (!who) return invalid({ who: m.whoMissing });
        const therapistId = therapistOf(request).id;
        await renameInjury(db, keys, {
          therapistId,
          injuryId: found.injury.id,
          name: data.name,
          whoWasHurt: who,
        });
        return back(request, reply);
      },
    }),
  );

  app.post(
    `${path}/marks`,
    { config },
    formPost({
      form,
      read: readMark,
      schema: () => markSchema(dateInputFormat(site.practice)),
      rerender: (request, reply, status, state) => page(request, reply, status, { mark: state }),
      handle: async ({ request, reply, data }) => {
        const found = await coupleInjuryFor(db, keys, request, "update");
        if (!found) return notFound(request, reply);
        await markStep(db, keys, {
          therapistId: therapistOf(request).id,
          injuryId: found.injury.id,
          ...data,
        });
        return back(request, reply);
      },
    }),
  );

  /**
   * A button on the injury's page: the token, then the injury this therapist may change (else the same
   * 404 as none), then the one change; every change comes back to the page.
   */
  const injuryButton = (
    suffix: string,
    change: (
      request: FastifyRequest,
      found: NonNullable<Awaited<ReturnType<typeof coupleInjuryFor>>>,
    ) => Promise<boolean>,
  ) =>
    app.post(
      `${path}/${suffix}`,
      { config },
      actionPost({
        form,
        notGenuine: back,
        handle: async (request, reply) => {
          const found = await coupleInjuryFor(db, keys, request, "update");
          if (!found || !(await change(request, found))) return notFound(request, reply);
          return back(request, reply);
        },
      }),
    );

  injuryButton("status", async (request, found) => {
    const status = statuses.find((s) => s === fieldText(request.body, "status"));
    if (status)
      await setInjuryStatus(db, { therapistId: therapistOf(request).id, injuryId: found.injury.id, status });
    return true;
  });

  injuryButton("pieces", async (request, found) => {
    const partners = await partnersOf(db, keys, found.record.coupleId);
    const clientId = partners.find((p) => p.id === fieldText(request.body, "client"))?.id;
    const piece = repairPieces.find((p) => p.id === fieldText(request.body, "piece"));
    const open = fieldText(request.body, "open");
    if (!clientId || !piece || (open !== "yes" && open !== "no")) return false;
    const input = {
      therapistId: therapistOf(request).id,
      injuryId: found.injury.id,
      clientId,
      pieceId: piece.id,
    };
    await (open === "yes" ? openPiece(db, input) : closePiece(db, input));
    return true;
  });

  injuryButton("story", async (request, found) => {
    await openStory(db, { therapistId: therapistOf(request).id, injuryId: found.injury.id });
    return true;
  });
}
