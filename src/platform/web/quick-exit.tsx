/**
 * "Exit this page" (DOMAIN.md §4): a visible button on pages with sensitive content. Without JavaScript
 * it is a plain link to a neutral site; with it, the button and pressing Shift three times replace the
 * current page (location.replace), so Back does not return here. The help text is honest that earlier
 * history stays.
 */
export function QuickExit({ url }: { url: string }) {
  return (
    <div class="quick-exit" data-quick-exit={url}>
      <a class="button quick-exit__button" href={url} rel="noreferrer">
        Exit this page
      </a>
      <p class="quick-exit__help">
        Leaves at once for a weather site (or press Shift three times). Pages you visited before stay in this
        browser's history; a private or incognito window keeps them out of it.
      </p>
    </div>
  );
}
