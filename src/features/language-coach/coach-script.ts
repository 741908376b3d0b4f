import path from "node:path";

/** The coach's browser script (coach-client.ts), bundled at start-up as the asset "coach.js". */
export const coachScriptEntry = path.join(import.meta.dirname, "coach-client.ts");
export const coachScriptName = "coach.js";
