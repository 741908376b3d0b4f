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

enhanceBusyForms();
