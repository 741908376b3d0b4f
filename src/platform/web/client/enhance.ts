// Progressive enhancement only: every page works without this file.

import { webMessages } from "../messages.ts";
import { countryForZone } from "./zone-countries.ts";

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

/**
 * The zone chooser is a grouped select of some 420 places, which works everywhere but is long to scroll.
 * With JavaScript a field above it suggests places as the visitor types (a native datalist, so the
 * browser's own, accessible suggestions) and picking one chooses it in the select; "Show times" still
 * sends the form, so nothing happens behind the visitor's back. The label's words come from the page.
 */
function enhanceZoneSearch(): void {
  for (const select of document.querySelectorAll<HTMLSelectElement>("select[data-zone-search]")) {
    const field = select.closest(".field");
    if (!field) continue;
    const id = `${select.id}-search`;
    const label = document.createElement("label");
    label.htmlFor = id;
    label.textContent = select.dataset.zoneSearch ?? "";
    const input = document.createElement("input");
    input.id = id;
    input.type = "search";
    input.autocomplete = "off";
    input.setAttribute("list", `${id}-places`);
    const places = document.createElement("datalist");
    places.id = `${id}-places`;
    // Each place once: the visitor's own zone is listed twice in the select (at the top and in its region).
    const byLabel = new Map<string, string>();
    for (const option of select.options) byLabel.set(option.text, option.value);
    for (const text of byLabel.keys()) places.append(new Option(text));
    const choose = () => {
      const zone = byLabel.get(input.value);
      if (zone) select.value = zone;
    };
    input.addEventListener("input", choose);
    input.addEventListener("change", choose);
    const search = document.createElement("div");
    search.className = "field";
    search.append(label, input, places);
    field.before(search);
  }
}

/**
 * Help now shows the practice's country until it knows better. With JavaScript, and only when the
 * address names no country, the browser's time zone suggests where the visitor is; if that is
 * somewhere else, the page for that country replaces this one (no new history entry, and the
 * address then names a country, so this never runs twice). The picker stays for a wrong guess.
 */
function detectHelpCountry(): void {
  const page = document.querySelector<HTMLElement>("[data-help-now]");
  if (!page) return;
  const url = new URL(window.location.href);
  if (url.searchParams.has("country")) return;
  const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  const country = zone ? countryForZone(zone) : undefined;
  if (!country || country === page.dataset.helpNow) return;
  url.searchParams.set("country", country);
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

/**
 * Quick exit: the button and Shift pressed three times replace this page with a neutral one, so Back
 * does not bring it back (GOV.UK's pattern; Esc is left for closing dialogs).
 */
function enhanceQuickExit(): void {
  const exit = document.querySelector<HTMLElement>("[data-quick-exit]");
  const url = exit?.dataset.quickExit;
  if (!exit || !url) return;
  const leave = () => window.location.replace(url);
  exit.querySelector("a")?.addEventListener("click", (event) => {
    event.preventDefault();
    leave();
  });
  // As GOV.UK's component: count Shift released on its own; any other key, or Shift used with one (a
  // capital letter), starts the count again, so typing never triggers it.
  let presses: number[] = [];
  let shiftCombined = false;
  document.addEventListener("keydown", (event) => {
    if (event.key !== "Shift") {
      presses = [];
      if (event.shiftKey) shiftCombined = true;
    }
  });
  document.addEventListener("keyup", (event) => {
    if (event.key !== "Shift") return;
    if (shiftCombined) {
      shiftCombined = false;
      presses = [];
      return;
    }
    const now = Date.now();
    presses = [...presses.filter((t) => now - t < 2000), now];
    if (presses.length >= 3) leave();
  });
}

/**
 * Free text that mentions being in danger shows help at once, in the page: nothing is blocked and
 * nothing is sent. The words are the server's own list, carried on the form.
 */
function enhanceCrisisCheck(): void {
  for (const form of document.querySelectorAll<HTMLFormElement>("form[data-crisis-phrases]")) {
    const phrases = JSON.parse(form.dataset.crisisPhrases ?? "[]") as string[];
    // In the client space the form also carries the patterns for words about control (control-words.ts).
    const control = (JSON.parse(form.dataset.controlPatterns ?? "[]") as string[]).map(
      (pattern) => new RegExp(` ${pattern}`),
    );
    const panel = document.getElementById(form.dataset.crisisPanel ?? "");
    if (!panel) continue;
    form.addEventListener("input", (event) => {
      const field = event.target as HTMLTextAreaElement | HTMLInputElement;
      if (!("value" in field)) return;
      const text = ` ${field.value
        .toLowerCase()
        .replace(/[’‘]/g, "'")
        .replace(/[^a-z'-]+/g, " ")
        .trim()} `;
      if (phrases.some((p) => text.includes(` ${p}`)) || control.some((p) => p.test(text)))
        panel.hidden = false;
    });
  }
}

/** Multi-step forms: with JavaScript, "Continue" shows the next step in place, adding nothing to history. */
function enhanceSteps(): void {
  for (const form of document.querySelectorAll<HTMLFormElement>("form[data-steps]")) {
    const steps = [...form.querySelectorAll<HTMLElement>("[data-step]")];
    form.addEventListener("click", (event) => {
      const button = (event.target as Element | null)?.closest<HTMLButtonElement>("button[name=go]");
      if (!button || button.value === "result") return;
      const next = steps.find((step) => step.dataset.step === button.value);
      if (!next) return;
      event.preventDefault();
      for (const step of steps) step.hidden = step !== next;
      next.querySelector<HTMLElement>("h2")?.focus();
      window.scrollTo(0, 0);
    });
  }
}

/**
 * A text field with a limit says how much room is left once most of it is used (the server's own
 * message covers a browser without JavaScript). Quiet until then, so a screen reader is not told at
 * every key.
 */
function enhanceCounters(): void {
  for (const field of document.querySelectorAll<HTMLTextAreaElement>("textarea[maxlength]")) {
    const limit = field.maxLength;
    const counter = document.createElement("p");
    counter.className = "field-counter";
    counter.id = `${field.id}-counter`;
    counter.setAttribute("aria-live", "polite");
    field.after(counter);
    const update = () => {
      const left = limit - field.value.length;
      counter.hidden = left > limit * 0.2;
      counter.textContent = webMessages.charactersLeft(left);
    };
    field.addEventListener("input", update);
    update();
  }
}

enhanceBusyForms();
enhanceCounters();
detectTimeZone();
enhanceZoneSearch();
detectHelpCountry();
enhanceWeekLinks();
enhanceQuickExit();
enhanceCrisisCheck();
enhanceSteps();
