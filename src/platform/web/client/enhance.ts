// Progressive enhancement only: every page works without this file.

/** Forms marked data-busy show that they are working and ignore a second press. */
function enhanceBusyForms(): void {
  for (const form of document.querySelectorAll<HTMLFormElement>("form[data-busy]")) {
    form.addEventListener("submit", (event) => {
      if (form.dataset.submitting === "true") {
        event.preventDefault();
        return;
      }
      form.dataset.submitting = "true";
      const button = form.querySelector<HTMLButtonElement>("button[type=submit], button:not([type])");
      if (button) {
        // aria-disabled, not disabled: a disabled button would drop its own name/value from the form.
        button.setAttribute("aria-busy", "true");
        button.setAttribute("aria-disabled", "true");
        const busyText = form.dataset.busy;
        if (busyText) button.textContent = busyText;
      }
    });
  }
}

/**
 * The booking page shows times in the practice's zone until it knows the visitor's. With JavaScript,
 * the browser's own zone is used straight away (replacing this history entry, so Back still works).
 */
function detectTimeZone(): void {
  if (!document.querySelector("[data-detect-zone]")) return;
  const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  const url = new URL(window.location.href);
  if (!zone || url.searchParams.has("zone")) return;
  url.searchParams.set("zone", zone);
  window.location.replace(url.toString());
}

/** The booking page holds every week: its week links show the week in place, without a new page. */
function enhanceWeekLinks(): void {
  document.addEventListener("click", (event) => {
    const link = (event.target as Element | null)?.closest<HTMLAnchorElement>("a[data-week-link]");
    const target = link && document.querySelector<HTMLElement>(`[data-week="${link.dataset.weekLink}"]`);
    if (!link || !target) return;
    event.preventDefault();
    for (const week of document.querySelectorAll<HTMLElement>("[data-week]")) week.hidden = week !== target;
    window.history.replaceState(null, "", link.href);
    target.querySelector<HTMLElement>("h2")?.focus();
  });
}

enhanceBusyForms();
detectTimeZone();
enhanceWeekLinks();
