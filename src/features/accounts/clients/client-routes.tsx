import { eq } from "drizzle-orm";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { z } from "zod";
import type { AppContext } from "../../../app-context.ts";
import { oneTimeTokenPattern } from "../../../platform/security/one-time-token.ts";
import { clientSessionPolicy } from "../../../platform/security/sessions/session-store.ts";
import { actionPost, formPost } from "../../../platform/web/form-post.ts";
import { formTokenFor } from "../../../platform/web/form-security.ts";
import { renderPage } from "../../../platform/web/render-page.ts";
import { sendPrivate } from "../../../platform/web/send-private.ts";
import { startSession } from "../../../platform/web/session-cookie.ts";
import { waitingMeasureCount } from "../../assessments/measures/waiting-measures.ts";
import { MyAppointmentsSection, myAppointments } from "../../sessions/my-appointments.tsx";
import { MessagePage } from "../account-pages.tsx";
import { queueAccountRequest, signInLinkRequestJobKind, wakeAfterAnswer } from "../account-request-jobs.ts";
import { authRateLimit, fieldText } from "../route-helpers.ts";
import { sendCodeStep } from "../second-factor/second-factor-routes.tsx";
import { clientOf, therapistOf } from "../signed-in-actor.ts";
import { acceptInvitation, documentsForInvitation, openInvitation } from "./accept-invitation.ts";
import { clients } from "./client.schema.ts";
import { openClientField } from "./client-crypto.ts";
import { clientMessages as m } from "./client-messages.ts";
import { ClientSpacePage, InvitePage, SignInLinkPage, WelcomePage } from "./client-pages.tsx";
import { signInLinkIsUsable, useSignInLink } from "./client-sign-in-links.ts";
import { type InvitationValues, inviteClients } from "./invite-clients.ts";
import { readWelcome, welcomeShape } from "./welcome.form.ts";

const tokenParams = z.object({ token: z.string().regex(oneTimeTokenPattern) });

export function registerClientRoutes(app: FastifyInstance, ctx: AppContext): void {
  const { db, site, keys, publicUrl, secure, consentDocuments } = ctx;
  const measureRules = () => ({ instruments: ctx.instruments, pack: ctx.instrumentPack, demo: site.demo });
  const key = keys.current;
  const linkFor = (path: string) => (token: string) => site.absoluteUrl(`${path}/${token}`);
  const message = (reply: FastifyReply, title: string, text: string, status = 200) =>
    sendPrivate(reply, renderPage(<MessagePage site={site} title={title} message={text} />), status);

  // ── The therapist invites ───────────────────────────────────────────────
  const invitePage = (
    request: FastifyRequest,
    reply: FastifyReply,
    status: number,
    state: { values?: Partial<InvitationValues>; errors?: Record<string, string>; problem?: string },
  ) =>
    sendPrivate(
      reply,
      renderPage(
        <InvitePage
          site={site}
          form={{ token: formTokenFor(request, key, "invite", "session"), ...state }}
        />,
      ),
      status,
    );

  app.get("/practice/invite", { config: { access: "therapist" } }, (request, reply) =>
    invitePage(request, reply, 200, {}),
  );

  app.post(
    "/practice/invite",
    { config: { ...authRateLimit, access: "therapist" } },
    formPost({
      form: { name: "invite", scope: "session", keys: key, publicUrl },
      read: (body): InvitationValues => ({
        kind: fieldText(body, "kind"),
        firstName: fieldText(body, "firstName"),
        firstEmail: fieldText(body, "firstEmail"),
        secondName: fieldText(body, "secondName"),
        secondEmail: fieldText(body, "secondEmail"),
        consultation: fieldText(body, "consultation"),
      }),
      // The use case checks the invitation (the command line invites too); here only its shape.
      schema: z.object({
        kind: z.string(),
        firstName: z.string(),
        firstEmail: z.string(),
        secondName: z.string(),
        secondEmail: z.string(),
        consultation: z.string(),
      }),
      rerender: invitePage,
      handle: async ({ request, reply, values, invalid }) => {
        const result = await inviteClients(db, keys, {
          therapistId: therapistOf(request).id,
          values,
          practiceName: site.practice.name,
          linkFor: linkFor("/welcome"),
          consultationId: values.consultation,
        });
        if (!result.ok) return invalid(result.errors);
        app.jobs.wake();
        return reply.redirect(`/practice?notice=invited-${result.clientIds.length}`, 303);
      },
    }),
  );

  // ── The client accepts ──────────────────────────────────────────────────
  const welcomePage = (
    request: FastifyRequest,
    reply: FastifyReply,
    invitation: { token: string; coupleId: string | null },
    status: number,
    state: {
      values?: { accepted: string[]; adult: boolean };
      errors?: Record<string, string>;
      problem?: string;
    },
  ) =>
    sendPrivate(
      reply,
      renderPage(
        <WelcomePage
          site={site}
          action={`/welcome/${invitation.token}`}
          documents={documentsForInvitation(invitation, consentDocuments.current)}
          form={{ token: formTokenFor(request, key, "welcome", "anonymous"), ...state }}
        />,
      ),
      status,
    );

  app.get("/welcome/:token", { config: { access: "anonymous" } }, async (request, reply) => {
    const invitation = await openToken(request);
    if (!invitation) return message(reply, m.welcomeTitle, m.invitationUnusable, 404);
    return welcomePage(request, reply, invitation, 200, {});
  });

  /** The invitation (its token, its couple) when it can still be accepted; otherwise the page says so (404). */
  async function openToken(request: FastifyRequest) {
    const params = tokenParams.safeParse(request.params);
    if (!params.success) return undefined;
    const opened = await openInvitation(db, params.data.token);
    return opened ? { token: params.data.token, coupleId: opened.coupleId } : undefined;
  }
  const unusableInvitation = (reply: FastifyReply) =>
    message(reply, m.welcomeTitle, m.invitationUnusable, 404);

  app.post(
    "/welcome/:token",
    { config: { ...authRateLimit, access: "anonymous" } },
    formPost({
      form: { name: "welcome", scope: "anonymous", keys: key, publicUrl },
      read: readWelcome,
      // The use case checks the agreements against the practice's documents; here only their shape.
      schema: welcomeShape,
      rerender: async (request, reply, status, state) => {
        const invitation = await openToken(request);
        return invitation
          ? welcomePage(request, reply, invitation, status, state)
          : unusableInvitation(reply);
      },
      handle: async ({ request, reply, values, invalid }) => {
        const invitation = await openToken(request);
        if (!invitation) return unusableInvitation(reply);
        const documents = consentDocuments.current;
        const shownVersions = Object.fromEntries(
          documents.map(({ id }) => [id, fieldText(request.body, `version-${id}`)]),
        );
        const result = await acceptInvitation(
          db,
          { token: invitation.token, ...values, shownVersions },
          documents,
        );
        if (!result.ok && "unusable" in result) return unusableInvitation(reply);
        if (!result.ok) return invalid(result.errors);
        await startSession(
          db,
          request,
          reply,
          { kind: "client", id: result.clientId },
          clientSessionPolicy,
          secure,
        );
        return reply.redirect("/my", 303);
      },
    }),
  );

  // ── The client signs in by emailed link ─────────────────────────────────
  app.post(
    "/sign-in/link",
    { config: { ...authRateLimit, access: "anonymous" } },
    actionPost({
      form: { name: "sign-in-link", scope: "anonymous", keys: key, publicUrl },
      // The same words whatever happened, so the form cannot tell anyone who is a client.
      notGenuine: (_request, reply) => message(reply, m.linkTitle, m.linkSent),
      handle: async (request, reply) => {
        const email = fieldText(request.body, "email").trim();
        if (z.email().safeParse(email.toLowerCase()).success) {
          // Queued, not done: the answer takes the same time whether or not the address has an account.
          await queueAccountRequest(db, keys, signInLinkRequestJobKind, { email, ip: request.ip });
          wakeAfterAnswer(reply, () => app.jobs.wake());
        }
        return message(reply, m.linkTitle, m.linkSent);
      },
    }),
  );

  app.get("/sign-in/link/:token", { config: { access: "anonymous" } }, async (request, reply) => {
    const params = tokenParams.safeParse(request.params);
    if (!params.success || !(await signInLinkIsUsable(db, params.data.token)))
      return message(reply, m.linkTitle, m.linkUnusable, 404);
    // Opening the link (a mail scanner, a preview) only shows this button; pressing it signs in.
    return sendPrivate(
      reply,
      renderPage(
        <SignInLinkPage
          site={site}
          action={`/sign-in/link/${params.data.token}`}
          token={formTokenFor(request, key, "use-link", "anonymous")}
        />,
      ),
    );
  });

  app.post(
    "/sign-in/link/:token",
    { config: { ...authRateLimit, access: "anonymous" } },
    actionPost({
      form: { name: "use-link", scope: "anonymous", keys: key, publicUrl },
      notGenuine: (_request, reply) => message(reply, m.linkTitle, m.linkUnusable, 400),
      handle: async (request, reply) => {
        const params = tokenParams.safeParse(request.params);
        if (!params.success) return message(reply, m.linkTitle, m.linkUnusable, 400);
        const used = await useSignInLink(db, params.data.token);
        if (!used) return message(reply, m.linkTitle, m.linkUnusable, 404);
        const account = { kind: "client" as const, id: used.clientId };
        // A client who added a second step gives its code before the session starts.
        if (used.secondFactor) return sendCodeStep(request, reply, { site, keys }, { account });
        await startSession(db, request, reply, account, clientSessionPolicy, secure);
        return reply.redirect("/my", 303);
      },
    }),
  );

  // ── The client's own space ──────────────────────────────────────────────
  app.get("/my", { config: { access: "client" } }, async (request, reply) => {
    const client = clientOf(request);
    const [row] = await db
      .select({ name: clients.nameEncrypted })
      .from(clients)
      .where(eq(clients.id, client.id));
    const name = row ? openClientField(keys, client.id, "name_encrypted", row.name) : "";
    return sendPrivate(
      reply,
      renderPage(
        <ClientSpacePage
          site={site}
          name={name}
          token={formTokenFor(request, key, "sign-out", "session")}
          inCouple={client.coupleId !== null}
          measuresWaiting={await waitingMeasureCount(db, measureRules(), client.id, site.practice.timeZone)}
          sessions={
            <MyAppointmentsSection
              appointments={await myAppointments(db, request)}
              zone={site.practice.timeZone}
            />
          }
        />,
      ),
    );
  });
}
