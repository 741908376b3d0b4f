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

enhanceBusyForms();
detectTimeZone();
