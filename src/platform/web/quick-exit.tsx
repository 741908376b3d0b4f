/**
 * "Exit this page" (DOMAIN.md §4): a visible button on pages with sensitive content. Without JavaScript
 * it is a plain link to a neutral site; with it, the button and pressing Shift three times replace the
 * current page (location.replace), so Back does not return here. The help text is honest that earlier
 * history stays.
 */
/** Signs out, then sends the person on to the practice's neutral site. */
export const leavePath = "/leave";

export function QuickExit({ url, signOut = false }: { url: string; signOut?: boolean }) {
  // In the client area the exit goes through /leave, which signs out on the way: whoever picks up the
  // device next finds no open session (DOMAIN.md §4).
  const target = signOut ? leavePath : url;
  return (
    <div class="quick-exit" data-quick-exit={target}>
      <a class="button quick-exit__button" href={target} rel="noreferrer">
        Exit this page
      </a>
      <p class="quick-exit__help">
        Leaves at once for a weather site{signOut ? " and signs you out" : ""} (or press Shift three times).
        Pages you visited before stay in this browser's history; a private or incognito window keeps them out
        of it.
      </p>
    </div>
  );
}
