import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { z } from "zod";
import type { AppContext } from "../../app-context.ts";
import { recordAudit } from "../../platform/audit/record-audit.ts";
import { sendErrorPage } from "../../platform/web/error-pages.tsx";
import { actionPost, fieldText } from "../../platform/web/form-post.ts";
import { formTokenFor } from "../../platform/web/form-security.ts";
import { renderPage } from "../../platform/web/render-page.ts";
import { sendPrivate } from "../../platform/web/send-private.ts";
import { openClientField } from "../accounts/clients/client-crypto.ts";
import { type Action, allow } from "../accounts/policies/policy.ts";
import { requestActor } from "../accounts/policies/request-actor.ts";
import { authRateLimit } from "../accounts/route-helpers.ts";
import { therapistOf } from "../accounts/signed-in-actor.ts";
import { clientForTherapist } from "../practice/client-for-therapist.ts";
import { withQuestions } from "../repair/pieces/question-asked.ts";
import { entriesSharedWithTherapist } from "../workspace/entries.ts";
import { pathTherapistMessages as m } from "./messages.ts";
import { closePathPiece, openPathPiece, pathPiecesOf } from "./opened-path.ts";
import { TherapistPathPage } from "./therapist-path-page.tsx";

const pieceParams = z.object({ pieceId: z.string().regex(/^[a-z0-9-]{1,80}$/) });
const openForm = "path-open";

/**
 * The therapist's side of a client's own path (`/practice/clients/:id/path`): which pieces are open, opening
 * and closing them, and the answers shared with the therapist. For an individual client or for either
 * partner of a couple as their own work: no joint work needed, nothing the partner can see. Every view audited.
 */
export function registerTherapistPathRoutes(app: FastifyInstance, ctx: AppContext): void {
  const { db, site, keys, publicUrl, pathPieces } = ctx;

  /** The client, when this therapist may `action` their path; anyone else's or a guessed id is undefined. */
  const pathOf = async (request: FastifyRequest, action: Action) => {
    const found = await clientForTherapist(db, request);
    if (!found) return undefined;
    const resource = { type: "path-piece" as const, ...found.owned, pieceOpen: false };
    return allow(requestActor(request), action, resource) ? found : undefined;
  };

  const page = async (request: FastifyRequest, reply: FastifyReply, notice?: string) => {
    const found = await pathOf(request, "read");
    if (!found) return sendErrorPage(reply, site, 404);
    const therapist = therapistOf(request);
    const opened = await pathPiecesOf(db, found.row.id);
    const pieces = pathPieces.map((piece) => {
      const row = opened.find((o) => o.pieceId === piece.id);
      return { piece, state: row ? (row.open ? "open" : "closed") : "never" } as const;
    });
    // Answers to the path shared with the therapist: an answer without an injury, to a piece of the path.
    const shared = withQuestions(
      pathPieces,
      (await entriesSharedWithTherapist(db, keys, found.row.id)).filter(
        (entry) =>
          entry.answers?.injuryId === null && pathPieces.some((p) => p.id === entry.answers?.pieceId),
      ),
    );
    await recordAudit(db, {
      actor: `therapist:${therapist.id}`,
      action: "path.read",
      subject: `client:${found.row.id}`,
    });
    return sendPrivate(
      reply,
      renderPage(
        <TherapistPathPage
          site={site}
          clientId={found.row.id}
          name={openClientField(keys, found.row.id, "name_encrypted", found.row.nameEncrypted)}
          pieces={pieces}
          shared={shared}
          token={formTokenFor(request, keys.current, openForm, "session")}
          timeZone={therapist.timeZone}
          notice={notice}
        />,
      ),
    );
  };

  app.get("/practice/clients/:id/path", { config: { access: "therapist" } }, (request, reply) => {
    const notice = (request.query as Record<string, unknown>).notice;
    return page(request, reply, notice === "opened" ? m.opened : notice === "closed" ? m.closed : undefined);
  });

  const pieceOf = (request: FastifyRequest) => {
    const parsed = pieceParams.safeParse(request.params);
    return parsed.success ? pathPieces.find((p) => p.id === parsed.data.pieceId) : undefined;
  };

  app.post(
    "/practice/clients/:id/path/:pieceId",
    { config: { ...authRateLimit, access: "therapist" } },
    actionPost({
      form: { name: openForm, scope: "session", keys: keys.current, publicUrl },
      // An old page changes nothing: back to the path, or the same 404 as a record that is not there.
      notGenuine: async (request, reply) => {
        const found = await pathOf(request, "read");
        if (!found) return sendErrorPage(reply, site, 404);
        return reply.redirect(`/practice/clients/${found.row.id}/path`, 303);
      },
      handle: async (request, reply) => {
        const found = await pathOf(request, "update");
        const piece = pieceOf(request);
        if (!found || !piece) return sendErrorPage(reply, site, 404);
        const open = fieldText(request.body, "open");
        const change = { therapistId: therapistOf(request).id, clientId: found.row.id, pieceId: piece.id };
        if (open === "yes") await openPathPiece(db, change);
        else if (open === "no") await closePathPiece(db, change);
        else return reply.redirect(`/practice/clients/${found.row.id}/path`, 303);
        const notice = open === "yes" ? "opened" : "closed";
        return reply.redirect(`/practice/clients/${found.row.id}/path?notice=${notice}`, 303);
      },
    }),
  );
}
