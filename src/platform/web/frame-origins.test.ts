import { describe, expect, it } from "vitest";
import { parseFrameOrigins } from "./frame-origins.ts";

describe("parseFrameOrigins", () => {
  it.each([
    ["https://www.example-practice.org", ["https://www.example-practice.org"]],
    ["https://WWW.Example-Practice.org:443/", ["https://www.example-practice.org"]],
    ["https://a.example, https://b.example:8443", ["https://a.example", "https://b.example:8443"]],
    ["https://bücher.example", ["https://xn--bcher-kva.example"]],
    ["http://localhost:8080, http://127.0.0.1:9000", ["http://localhost:8080", "http://127.0.0.1:9000"]],
    ["https://a.example,https://a.example/", ["https://a.example"]],
    [" , ", []],
    [undefined, []],
  ])("reads %j as %j", (text, origins) => {
    expect(parseFrameOrigins(text)).toEqual({ origins, problems: [] });
  });

  it.each([
    "*",
    "'self'",
    "'none'",
    "example-practice.org",
    "https://*.example-practice.org",
    "https://example-practice.org/book",
    "https://example-practice.org/?",
    "https://example-practice.org#top",
    "https://user@example-practice.org",
    "https://a;b.example",
    "ftp://example-practice.org",
    "javascript:alert(1)",
    "http://www.example-practice.org",
  ])("refuses %j, naming it", (entry) => {
    const { origins, problems } = parseFrameOrigins(`https://ok.example, ${entry}`);
    expect(origins).toEqual(["https://ok.example"]);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain(`"${entry}"`);
  });
});
