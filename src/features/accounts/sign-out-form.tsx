import { FormToken } from "../../platform/web/form-fields.tsx";
import { accountMessages as m } from "./messages.ts";

/** Signing out is a POST (a link could be fired by anything); the token ties it to this session. */
export function SignOutForm({ token, quiet = true }: { token: string; quiet?: boolean }) {
  return (
    <form method="post" action="/sign-out">
      <FormToken token={token} />
      <button class={quiet ? "button button--quiet" : "button"} type="submit">
        {m.signOut}
      </button>
    </form>
  );
}
