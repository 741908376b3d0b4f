import { webMessages as m } from "./messages.ts";

/**
 * "Exit this page" (DOMAIN.md §4): a visible button on pages with sensitive content. Without JavaScript
 * it is a plain link to a neutral site; with it, the button and pressing Shift three times replace the
 * current page (location.replace), so Back does not return here. The help text is honest that earlier
 * history stays; it waits in a closed <details> beside the button, so on a phone the exit is one small
 * button that stays in reach and covers nothing anyone needs to read.
 */
/** Signs out, then sends the person on to the practice's neutral site. */
export const leavePath = "/leave";

export function QuickExit(props: {
  url: string;
  signOut?: boolean;
  /** Placed straight in the page's main area rather than inside a text column: it lines up with one. */
  inMain?: boolean;
}) {
  const { url, signOut = false, inMain = false } = props;
  // In the client area the exit goes through /leave, which signs out on the way: whoever picks up the
  // device next finds no open session (DOMAIN.md §4).
  const target = signOut ? leavePath : url;
  return (
    <div class={inMain ? "quick-exit quick-exit--in-main" : "quick-exit"} data-quick-exit={target}>
      <a class="button quick-exit__button" href={target} rel="noreferrer">
        {m.exitThisPage}
      </a>
      <details class="quick-exit__help">
        <summary>{m.howItWorks}</summary>
        <p>{m.quickExitHelp(signOut)}</p>
      </details>
    </div>
  );
}
