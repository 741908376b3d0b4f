import { AsyncLocalStorage } from "node:async_hooks";

/** The header of someone signed in: their own places, and signing out (a POST with this session's token). */
export type SignedInNav = {
  kind: "client" | "therapist";
  links: { href: string; label: string }[];
  signOutToken: string;
};

const current = new AsyncLocalStorage<SignedInNav>();

/**
 * Runs a signed-in route's handler with its header known, so every page it renders (the page, an error
 * page) shows it without each route passing it down. Only the access gate calls this, and only for routes
 * that need a signed-in person: a public route never runs inside it, so a cached public page can never
 * carry anyone's header (issue 16, item 4).
 */
export function withSignedInNav(nav: SignedInNav, run: () => void): void {
  current.run(nav, run);
}

/** The signed-in header of the request being rendered, or undefined on a public page. */
export function signedInNav(): SignedInNav | undefined {
  return current.getStore();
}
