import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { childEnv } from "../../../../test/support/child-env.ts";
import { projectRoot } from "../../../config.ts";

// The command as a practice runs it: `npx tsx src/main.ts check-pack FILE` (the local tsx, as npx finds it).
const tsx = path.join(projectRoot, "node_modules", ".bin", "tsx");
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "haven-check-pack-"));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function checkPack(file: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawn(tsx, ["src/main.ts", "check-pack", file], {
    cwd: projectRoot,
    env: childEnv({}),
    stdio: "pipe",
  });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve) => child.on("exit", (code) => resolve({ code, stdout, stderr })));
}

describe("haven check-pack", () => {
  it("says the placeholder pack is ready, and that it is a placeholder", { timeout: 30_000 }, async () => {
    const result = await checkPack("content/instrument-packs/placeholder.yaml");
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("The pack is ready");
    expect(result.stdout).toContain("placeholder wording");
  });

  it("lists each problem of a bad pack on its own line and exits 1", { timeout: 30_000 }, async () => {
    const file = path.join(dir, "bad.yaml");
    fs.writeFileSync(
      file,
      [
        "pack:",
        "  name: Bad",
        '  version: "1"',
        "  licence: { holder: Authors, terms: Clinical use }",
        "instruments:",
        "  csi-4:",
        "    items:",
        '      csi4-01: "One"',
        '      csi4-02: ""',
        '      csi4-03: "Three"',
        '      csi4-05: "Five"',
      ].join("\n"),
    );
    const result = await checkPack(file);
    expect(result.code).toBe(1);
    expect(result.stdout).not.toContain("The pack is ready");
    const lines = result.stderr.split("\n");
    expect(lines).toContain(
      "line 7, instruments.csi-4.items.csi4-04: the wording for CSI-4 item csi4-04 is missing",
    );
    expect(lines).toContain("line 9, instruments.csi-4.items.csi4-02: the wording is empty");
    expect(lines).toContain(
      "line 11, instruments.csi-4.items.csi4-05: CSI-4 has no item csi4-05 (its items run csi4-01 to csi4-04)",
    );
  });

  it("explains a file it cannot read", { timeout: 30_000 }, async () => {
    const result = await checkPack(path.join(dir, "no-such-pack.yaml"));
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("could not be read — check the path");
  });
});
