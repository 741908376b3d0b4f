// Progressive enhancement only (record 048): with JavaScript, the coach's suggestions follow the writing
// as it happens, from the very module the server uses. Nothing leaves the page; nothing is changed.

import { type CoachMode, explanationOf, suggestionFor } from "./coach-rules.ts";
import { markedPhrase, markWords } from "./mark-words.ts";
import { coachMessages as m } from "./messages.ts";

/** Builds an element with text only: what someone wrote is never read as HTML. */
function element(tag: string, text?: string, className?: string): HTMLElement {
  const node = document.createElement(tag);
  if (text !== undefined) node.textContent = text;
  if (className) node.className = className;
  return node;
}

const labelOf = (field: HTMLTextAreaElement) =>
  (field.id && document.querySelector(`label[for="${field.id}"]`)?.textContent) || "";

function show(panel: HTMLElement, fields: HTMLTextAreaElement[], mode: CoachMode): void {
  const items = fields.flatMap((field) =>
    markWords(field.value, mode).map((mark) => {
      const item = element("li");
      item.append(element("strong", m.phrase(markedPhrase(field.value, mark))), " ");
      item.append(element("span", labelOf(field), "muted"), element("br"), explanationOf(mark.kind));
      return item;
    }),
  );
  // Quiet while there is nothing to say: no "all clear" at every key.
  panel.hidden = items.length === 0;
  if (items.length === 0) return;
  const heading = element("h2", m.heading);
  heading.id = "coach-heading";
  const list = element("ul", undefined, "coach__marks");
  list.append(...items);
  const section = element("section", undefined, "card stack coach");
  section.setAttribute("aria-labelledby", heading.id);
  section.append(heading, element("p", m.intro, "muted"), list, element("p", suggestionFor(mode)));
  if (mode === "hurt") section.append(element("p", `${m.feelingsLabel} ${m.feelings.join(", ")}`, "muted"));
  panel.replaceChildren(section);
}

function enhanceCoach(): void {
  const panel = document.querySelector<HTMLElement>("[data-coach-findings]");
  const form = document.querySelector<HTMLFormElement>("form[data-coach]");
  const mode = form?.dataset.coach;
  if (!panel || !form || (mode !== "hurt" && mode !== "reply")) return;
  const fields = [...form.querySelectorAll<HTMLTextAreaElement>("textarea")];
  let timer: ReturnType<typeof setTimeout> | undefined;
  form.addEventListener("input", () => {
    clearTimeout(timer);
    timer = setTimeout(() => show(panel, fields, mode), 400);
  });
}

enhanceCoach();
