import { describe, expect, it } from "vitest";
import { initials } from "./initials.ts";

describe("initials", () => {
  it("keeps the first letter of the first and last words", () => {
    expect(initials("Bea Birch")).toBe("B. B.");
    expect(initials("  ann   marie de la cruz ")).toBe("A. C.");
    expect(initials("Bea")).toBe("B.");
  });

  it("works beyond the Latin alphabet and skips words with no letters", () => {
    expect(initials("Émile Żak")).toBe("É. Ż.");
    expect(initials("Олена Коваль")).toBe("О. К.");
    expect(initials("Bea (she/her) 2")).toBe("B. S.");
    expect(initials("'Bea' Birch")).toBe("B. B.");
  });

  it("says nothing when there is nothing to go on", () => {
    expect(initials("")).toBe("?");
    expect(initials("123 !!")).toBe("?");
  });
});
