import { describe, expect, it } from "vitest";
import { webLink } from "./web-link.ts";

describe("a video link shown as a link", () => {
  it("is a plain http or https address", () => {
    expect(webLink("https://video.example.org/room")).toBe("https://video.example.org/room");
    expect(webLink(" http://meet.example/abc?x=1 ")).toBe("http://meet.example/abc?x=1");
  });

  it("is nothing else", () => {
    for (const text of [
      "javascript:alert(1)",
      "JavaScript:alert(1)",
      "data:text/html,hi",
      "mailto:a@example.org",
      "ftp://files.example",
      "Join by video: https://video.example/room",
      "https://user:secret@video.example",
      "video.example.org/room",
      "",
      null,
      undefined,
    ])
      expect(webLink(text), String(text)).toBeUndefined();
  });
});
