import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { z } from "zod";
import type { AppContext } from "../../../app-context.ts";
import { recordAudit } from "../../../platform/audit/record-audit.ts";
import { formPost } from "../../../platform/web/form-post.ts";
import { formTokenFor } from "../../../platform/web/form-security.ts";
import { renderPage } from "../../../platform/web/render-page.ts";
import { sendPrivate } from "../../../platform/web/send-private.ts";
import { groupByCouple, listClientsOf } from "../../accounts/clients/list-clients.ts";
import { authRateLimit, fieldText } from "../../accounts/route-helpers.ts";
import { therapistOf } from "../../accounts/signed-in-actor.ts";
import { type ClientFilters, kindFilters, searchClients, statusFilters } from "./client-search.ts";
import { ClientsPage } from "./clients-page.tsx";
import { clientListMessages as m } from "./messages.ts";

const formName = "client-search";
// A filter that is not one of the choices is read as "any": a hand-edited address is never an error.
const statusOf = (value: unknown) => z.enum(statusFilters).catch("all").parse(value);
const kindOf = (value: unknown) => z.enum(kindFilters).catch("all").parse(value);
const searchSchema = z.object({
  name: z.string().trim().max(100, m.nameTooLong),
  status: z.string(),
  kind: z.string(),
});

/**
 * The therapist's clients and couples at `/practice/clients`: the filters (not personal) may travel in
 * the address; a name is searched only by POST. Every showing is a staff read of clients' names, audited.
 */
export function registerClientsRoutes(app: FastifyInstance, { db, keys, site, publicUrl }: AppContext): void {
  const show = async (
    request: FastifyRequest,
    reply: FastifyReply,
    status: number,
    filters: ClientFilters,
    nameError?: string,
  ) => {
    const therapist = therapistOf(request);
    const groups = groupByCouple(await listClientsOf(db, keys, therapist.id));
    // A refused name searches nothing: the list as filtered, the name kept in its field to correct.
    const found = searchClients(groups, nameError ? { ...filters, name: "" } : filters);
    await recordAudit(db, {
      actor: `therapist:${therapist.id}`,
      action: "clients.listed",
      detail: { shown: found.length, searched: filters.name !== "" },
    });
    return sendPrivate(
      reply,
      renderPage(
        <ClientsPage
          site={site}
          token={formTokenFor(request, keys.current, formName, "session")}
          filters={filters}
          nameError={nameError}
          found={found}
        />,
      ),
      status,
    );
  };

  app.get("/practice/clients", { config: { access: "therapist" } }, (request, reply) => {
    const query = request.query as Record<string, unknown>;
    return show(request, reply, 200, { name: "", status: statusOf(query.status), kind: kindOf(query.kind) });
  });

  app.post(
    "/practice/clients",
    { config: { ...authRateLimit, access: "therapist" } },
    formPost({
      form: { name: formName, scope: "session", keys: keys.current, publicUrl },
      read: (body) => ({
        name: fieldText(body, "name"),
        status: fieldText(body, "status"),
        kind: fieldText(body, "kind"),
      }),
      schema: searchSchema,
      rerender: (request, reply, code, state) => {
        const values = state.values as { name: string; status: string; kind: string };
        const filters = { name: values.name, status: statusOf(values.status), kind: kindOf(values.kind) };
        return show(request, reply, code, filters, state.errors?.name ?? state.problem);
      },
      handle: ({ request, reply, data }) =>
        show(request, reply, 200, {
          name: data.name,
          status: statusOf(data.status),
          kind: kindOf(data.kind),
        }),
    }),
  );
}
