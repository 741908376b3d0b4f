import { crisisPhrases } from "../assessments/self-check/crisis-words.ts";
import { controlPatterns } from "./control-words.ts";
import { safetyMessages as m } from "./messages.ts";

/**
 * Help now, for a client who wrote words that may mean they are in danger. Shown by the server after
 * such a post, and in place by enhance.ts as they type (the form carries `crisisCheck(id)`). It never
 * blocks what they are doing.
 */
export function CrisisPanel({ id = "crisis-panel", shown }: { id?: string; shown: boolean }) {
  return (
    <div id={id} class="crisis-panel" role="status" hidden={!shown}>
      <p>
        <strong>{m.crisisLead}</strong> <a href="/help-now">{m.crisisHelpLink}</a>.
      </p>
      <p>{m.crisisControl}</p>
      <p>{m.crisisNobodyReads}</p>
      <p>{m.crisisTherapistTold}</p>
    </div>
  );
}

/**
 * The attributes that let enhance.ts show the panel in place: the server's own lists of words, crisis
 * and control, as the server checks a client's posts (crisis-words-check.ts).
 */
export function crisisCheck(panelId = "crisis-panel") {
  return {
    "data-crisis-phrases": JSON.stringify(crisisPhrases),
    "data-control-patterns": JSON.stringify(controlPatterns),
    "data-crisis-panel": panelId,
  };
}
