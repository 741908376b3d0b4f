import { describe, expect, it } from "vitest";
import { heapGrowthFlag } from "./heap-growth.ts";

describe("the server's heap growth", () => {
  it("is set to twice what is live", () => {
    expect(heapGrowthFlag([])).toBe("--heap-growing-percent=100");
    expect(heapGrowthFlag(["--import", "tsx", "--max-old-space-size=512"])).toBe(
      "--heap-growing-percent=100",
    );
  });

  it("is left as given when Node was started with a growth of its own", () => {
    expect(heapGrowthFlag(["--heap-growing-percent=50"])).toBeUndefined();
    expect(heapGrowthFlag(["--heap_growing_percent=300"])).toBeUndefined();
  });
});
