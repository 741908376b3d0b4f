import { createHash } from "node:crypto";
import type { FastifyRequest } from "fastify";
import { isSameOriginRequest, issueFormToken, verifyFormToken } from "../security/form-token.ts";
import type { SecretKeys } from "../security/secret-key.ts";

/** The name of the hidden field every state-changing form carries. */
export const formTokenField = "_form";

/**
 * "session" forms (only for someone signed in) are bound to their session, so a token from one
 * person's page is useless in another's; "anonymous" forms (sign-in, set-up) to the form's name.
 */
export type FormScope = "session" | "anonymous";

function binding(request: FastifyRequest, formName: string, scope: FormScope): string {
  if (scope === "session" && request.sessionToken) {
    return `session:${createHash("sha256").update(request.sessionToken).digest("base64url")}`;
  }
  return `anonymous:${formName}`;
}

export function formTokenFor(
  request: FastifyRequest,
  keys: SecretKeys,
  formName: string,
  scope: FormScope,
): string {
  return issueFormToken(keys, binding(request, formName, scope));
}

/** True when the POST carries a valid token for this form and (where the browser says) comes from this site. */
export function formIsGenuine(
  request: FastifyRequest,
  keys: SecretKeys,
  formName: string,
  scope: FormScope,
  publicUrl: URL,
): boolean {
  const body = request.body as Record<string, unknown> | undefined;
  return (
    isSameOriginRequest(request.headers, publicUrl) &&
    verifyFormToken(keys, body?.[formTokenField], binding(request, formName, scope))
  );
}
