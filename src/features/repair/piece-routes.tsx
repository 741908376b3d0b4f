import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { z } from "zod";
import type { AppContext } from "../../app-context.ts";
import { sendErrorPage } from "../../platform/web/error-pages.tsx";
import { type FormState, formPost } from "../../platform/web/form-post.ts";
import { formTokenFor } from "../../platform/web/form-security.ts";
import { renderPage } from "../../platform/web/render-page.ts";
import { sendPrivate } from "../../platform/web/send-private.ts";
import { allow } from "../accounts/policies/policy.ts";
import { requestActor } from "../accounts/policies/request-actor.ts";
import { clientOf } from "../accounts/signed-in-actor.ts";
import { askedToCheck, coachFor, findingsIn, pieceCoachMode } from "../language-coach/coach-check.ts";
import { answersTo, saveAnswers } from "../workspace/piece-answers.ts";
import { repairRateLimit } from "./client-repair-routes.tsx";
import { readableInjury } from "./client-repair-view.ts";
import { rolesOf } from "./injuries.ts";
import { repairMessages as m } from "./messages.ts";
import { piecesOpenFor } from "./opened-pieces.ts";
import { PiecePage } from "./piece-page.tsx";
import { answersSchema, answersToSave, readAnswers, stoppedForToday } from "./pieces/piece-answer-form.ts";

const params = z.object({ injuryId: z.uuid(), pieceId: z.string().regex(/^[a-z0-9-]{1,80}$/) });
const pieceForm = "repair-piece";

/** A piece opened for this partner: read it, write in it, stop for today. */
export function registerPieceRoutes(app: FastifyInstance, ctx: AppContext): void {
  const { db, site, keys, publicUrl, repairPieces } = ctx;

  /**
   * The injury and piece, when this partner may write in it now: joint work open, the injury active,
   * the piece fitting their role and open for them. Anything else is the same 404 as no such piece.
   */
  const pieceFor = async (request: FastifyRequest) => {
    const client = clientOf(request);
    const parsed = params.safeParse(request.params);
    if (!parsed.success) return undefined;
    const found = await readableInjury(db, keys, client, parsed.data.injuryId);
    const piece = repairPieces.find((p) => p.id === parsed.data.pieceId);
    if (!found || !piece || found.injury.status !== "active") return undefined;
    if (!rolesOf(found.injury, client.id).includes(piece.for)) return undefined;
    const open = (await piecesOpenFor(db, client.id)).some(
      (o) => o.injuryId === found.injury.id && o.pieceId === piece.id,
    );
    const resource = {
      type: "opened-piece" as const,
      clientId: client.id,
      therapistId: client.therapistId,
      coupleId: client.coupleId,
      jointWorkOpen: found.jointWorkOpen,
      pieceOpen: open,
    };
    if (!allow(requestActor(request), "update", resource)) return undefined;
    return {
      injury: found.injury,
      piece,
      place: { clientId: client.id, injuryId: found.injury.id, pieceId: piece.id },
    };
  };

  const page = async (
    request: FastifyRequest,
    reply: FastifyReply,
    status: number,
    state?: FormState<Record<string, string>>,
    notice?: string,
    check = false,
  ) => {
    const found = await pieceFor(request);
    if (!found) return sendErrorPage(reply, site, 404);
    const coach = await coachFor(ctx, request, pieceCoachMode(found.piece));
    if (coach && check) {
      const typed = state?.values ?? {};
      const fields = found.piece.questions.map((q) => ({ label: q.ask, text: typed[q.id] ?? "" }));
      coach.findings = findingsIn(fields, coach.mode);
    }
    const answers = await answersTo(db, keys, found.place);
    const saved = Object.fromEntries([...answers].map(([question, entry]) => [question, entry.body]));
    return sendPrivate(
      reply,
      renderPage(
        <PiecePage
          site={site}
          injury={found.injury}
          piece={found.piece}
          answers={answers}
          notice={notice}
          crisis={request.crisisWords}
          coach={coach}
          form={{
            token: formTokenFor(request, keys.current, pieceForm, "session"),
            values: state?.values ?? saved,
            errors: state?.errors,
            problem: state?.problem,
          }}
        />,
      ),
      status,
    );
  };

  const path = "/my/repair/:injuryId/pieces/:pieceId";
  app.get(path, { config: { access: "client" } }, (request, reply) => {
    const notice = (request.query as Record<string, unknown>).notice === "saved" ? m.pieceSaved : undefined;
    return page(request, reply, 200, undefined, notice);
  });

  app.post(
    path,
    { config: { ...repairRateLimit, access: "client" } },
    formPost({
      form: { name: pieceForm, scope: "session", keys: keys.current, publicUrl },
      read: readAnswers,
      schema: answersSchema,
      problemWhenInvalid: m.nothingSaved,
      rerender: page,
      handle: async ({ request, reply, data, values }) => {
        // "Check my words": the same page with the text as typed and the coach's suggestions; nothing saved.
        if (askedToCheck(request.body)) return page(request, reply, 200, { values }, undefined, true);
        const found = await pieceFor(request);
        if (!found) return sendErrorPage(reply, site, 404);
        await saveAnswers(db, keys, found.place, answersToSave(found.piece, data));
        const stop = stoppedForToday(request.body);
        // Help first, on this very page: what was written is saved; a redirect would lose the moment.
        if (request.crisisWords)
          return page(request, reply, 200, undefined, stop ? m.pieceStopped : m.pieceSaved);
        if (stop) return reply.redirect("/my/repair?notice=stopped", 303);
        return reply.redirect(`/my/repair/${found.injury.id}/pieces/${found.piece.id}?notice=saved`, 303);
      },
    }),
  );
}
