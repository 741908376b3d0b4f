// The language coach on a long letter: markWords over a 2,000-word letter about a hurt and the same
// length of reply, median and p99 over many runs. A figure to read, never a time limit in a test
// (issue 13's goal: under 5 ms median in Node). Alone: `npx tsx bench/coach.ts`.
import { pathToFileURL } from "node:url";
import type { CoachMode } from "../src/features/language-coach/coach-rules.ts";
import { markWords } from "../src/features/language-coach/mark-words.ts";

// Ordinary sentences with a phrase to mark now and then, quoted speech and negations among them, and
// nothing about harm (which would let the coach stop at once and flatter the figure).
const sentences = [
  "I keep coming back to that evening in the kitchen, when the post had just arrived.",
  "You never asked how the appointment went, and I sat with the letter on my own.",
  "I'm not saying you always forget, but that night it felt like I was invisible.",
  "When you said “it wasn't that bad” I went quiet and stopped telling you things.",
  "It's your fault we missed my sister's birthday, and I still feel the sting of it.",
  "I felt alone when you went upstairs; what I needed was for you to sit with me.",
  "I feel that you would rather be anywhere else when I bring this up.",
  "But I know you were tired, and you have to understand that I was tired too.",
  "It was a long time ago, and I only did it because work had been so hard that month.",
  "Some days are easier, and I notice the small kind things you do for me.",
];

/** A letter of about `words` words, the same on every run. */
export function coachLetter(words = 2000): string {
  const parts: string[] = [];
  let count = 0;
  for (let i = 0; count < words; i++) {
    const sentence = sentences[i % sentences.length] ?? "";
    parts.push(i % 5 === 4 ? `${sentence}\n\n` : sentence);
    count += sentence.split(/\s+/).length;
  }
  return parts.join(" ");
}

export function benchmarkCoach(options: { mode?: CoachMode; runs?: number; warmup?: number } = {}) {
  const { mode = "hurt", runs = 2000, warmup = 200 } = options;
  const letter = coachLetter();
  let marks = 0;
  for (let i = 0; i < warmup; i++) marks = markWords(letter, mode).length;
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    marks = markWords(letter, mode).length;
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  const at = (q: number) => times[Math.min(times.length - 1, Math.ceil(q * times.length) - 1)] ?? Number.NaN;
  return { mode, medianMs: at(0.5), p99Ms: at(0.99), runs, marks, words: letter.split(/\s+/).length };
}

/** The figures as lines to print. */
export function coachLines(): string[] {
  return (["hurt", "reply"] as const).map((mode) => {
    const r = benchmarkCoach({ mode });
    return `Language coach, ${r.mode}: median ${r.medianMs.toFixed(2)} ms, p99 ${r.p99Ms.toFixed(2)} ms over ${r.runs} runs (${r.words} words, ${r.marks} marks; goal median < 5 ms)`;
  });
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href)
  for (const line of coachLines()) console.log(line);
