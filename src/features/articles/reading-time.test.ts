import { describe, expect, it } from "vitest";
import { readingMinutes } from "./reading-time.ts";

describe("readingMinutes", () => {
  it("is never less than one minute", () => {
    expect(readingMinutes("")).toBe(1);
    expect(readingMinutes("A few words.")).toBe(1);
  });

  it("counts words at an unhurried 200 a minute", () => {
    expect(readingMinutes(Array(1000).fill("word").join(" "))).toBe(5);
    expect(readingMinutes(Array(1100).fill("word").join(" "))).toBe(6);
  });

  it("does not count Markdown punctuation as words", () => {
    const words = Array(400).fill("word").join(" ");
    expect(readingMinutes(`## Heading\n\n- ${words}\n\n> ---`)).toBe(2);
  });
});
