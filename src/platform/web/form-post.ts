import type { FastifyReply, FastifyRequest } from "fastify";
import type { z } from "zod";
import type { SecretKeys } from "../security/secret-key.ts";
import { keepFormDuringOutage } from "./database-outage.ts";
import { type FormScope, formIsGenuine } from "./form-security.ts";
import { webMessages } from "./messages.ts";

/** One message per field, shown beside that field. */
export type FieldErrors = Record<string, string>;

/** What a form's page needs to show it again: what was typed, each field's problem, the form's problem. */
export type FormState<Values> = { values: Values; errors?: FieldErrors; problem?: string };

/** A text field from a posted form, or "" when it is missing or not text. */
export function fieldText(body: unknown, field: string): string {
  const value = (body as Record<string, unknown> | undefined)?.[field];
  return typeof value === "string" ? value : "";
}

/** A field posted once or many times (checkboxes of one name), as a list of its text values. */
export function fieldList(body: unknown, field: string): string[] {
  const value = (body as Record<string, unknown> | undefined)?.[field];
  const values = Array.isArray(value) ? value : [value];
  return values.filter((v): v is string => typeof v === "string");
}

/** The first problem of each field (by the first part of its path), for beside that field. */
export function firstIssuePerField(error: z.ZodError): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of error.issues) errors[String(issue.path[0])] ??= issue.message;
  return errors;
}

type Answer = unknown;

export type FormPost<Values, Parsed> = {
  /** The form's token: its name, whether it is bound to the session, and where it must come from. */
  form: { name: string; scope: FormScope; keys: SecretKeys; publicUrl: URL };
  /** What was typed, kept to show again (never the password). */
  read: (body: unknown) => Values;
  /** Fields parsed with the rest but never shown again (a password). */
  secrets?: (body: unknown) => Record<string, string>;
  /** Or, when it depends on the practice's live settings (a date in its format), made for each post. */
  schema: z.ZodType<Parsed> | ((request: FastifyRequest) => z.ZodType<Parsed>);
  /** The page again, with what was typed, beside-the-field problems and the form's problem. */
  rerender: (
    request: FastifyRequest,
    reply: FastifyReply,
    status: number,
    state: FormState<Values>,
  ) => Answer | Promise<Answer>;
  /** A problem for the whole form when a field is wrong (e.g. "Nothing was saved"). */
  problemWhenInvalid?: string;
  /**
   * How this route answers a form without a genuine token; by default the page again, 403, with the
   * input kept and the shared "open a long time" problem.
   */
  notGenuine?: (request: FastifyRequest, reply: FastifyReply, values: Values) => Answer | Promise<Answer>;
  /** The one use case; `invalid` shows the page again (400) for a problem only the use case can see. */
  handle: (post: {
    request: FastifyRequest;
    reply: FastifyReply;
    data: Parsed;
    values: Values;
    invalid: (errors: FieldErrors, problem?: string) => Answer | Promise<Answer>;
  }) => Answer | Promise<Answer>;
};

/**
 * One form post: the token → the schema (one message per field, the input kept, 400) → one use case;
 * a use case that finds the database unavailable shows the page again, input kept, 503.
 * Who may post at all was settled by the route's declared access before this runs.
 */
export function formPost<Values, Parsed>(spec: FormPost<Values, Parsed>) {
  const { form, read, secrets, schema, rerender, problemWhenInvalid, notGenuine, handle } = spec;
  return async (request: FastifyRequest, reply: FastifyReply): Promise<Answer> => {
    const values = read(request.body);
    if (!formIsGenuine(request, form.keys, form.name, form.scope, form.publicUrl)) {
      if (notGenuine) return notGenuine(request, reply, values);
      return rerender(request, reply, 403, { values, problem: webMessages.formExpired });
    }
    const invalid = (errors: FieldErrors, problem = problemWhenInvalid) =>
      rerender(request, reply, 400, { values, errors, problem });
    const schemaNow = typeof schema === "function" ? schema(request) : schema;
    const parsed = schemaNow.safeParse(secrets ? { ...values, ...secrets(request.body) } : values);
    if (!parsed.success) return invalid(firstIssuePerField(parsed.error));
    // Should the database be unavailable, the error handler shows this page again (503), input kept.
    keepFormDuringOutage(request, () =>
      rerender(request, reply, 503, { values, problem: webMessages.tryAgainInAMinute }),
    );
    return handle({ request, reply, data: parsed.data, values, invalid });
  };
}

export type ActionPost = {
  /** The form's token: its name (or a name that depends on the request), scope, keys and origin. */
  form: {
    name: string | ((request: FastifyRequest) => string);
    scope: FormScope;
    keys: SecretKeys;
    publicUrl: URL;
  };
  /** How this route answers a form without a genuine token (each route keeps its own answer). */
  notGenuine: (request: FastifyRequest, reply: FastifyReply) => Answer | Promise<Answer>;
  /** The one use case, run only for a genuine form. */
  handle: (request: FastifyRequest, reply: FastifyReply) => Answer | Promise<Answer>;
};

/**
 * A form that is only a button (approve, cancel, sign out, mark seen): the token → one use case. Its few
 * fields, if any, are read by the use case; a form with fields to check and show again uses `formPost`.
 */
export function actionPost(spec: ActionPost) {
  const { form, notGenuine, handle } = spec;
  return async (request: FastifyRequest, reply: FastifyReply): Promise<Answer> => {
    const name = typeof form.name === "string" ? form.name : form.name(request);
    if (!formIsGenuine(request, form.keys, name, form.scope, form.publicUrl))
      return notGenuine(request, reply);
    return handle(request, reply);
  };
}
