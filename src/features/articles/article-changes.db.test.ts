import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { formTokenIn, freshAddress } from "../../../test/support/forms.ts";
import { addTherapist, signInTherapist } from "../../../test/support/people.ts";
import type { TestApp } from "../../../test/support/test-app.ts";
import { createTwoInstances } from "../../../test/support/two-instances.ts";

// Two instances behind one load balancer: the owner publishes on one; a visitor reaches the other,
// whose cached article list must not keep the old page for ever.
let first: TestApp;
let second: TestApp;
let instances: Awaited<ReturnType<typeof createTwoInstances>>;
beforeAll(async () => {
  instances = await createTwoInstances();
  ({ first, second } = instances);
});
afterAll(() => instances?.close());

const article = {
  title: "Reaching for someone who is not there",
  slug: "reaching-for-someone",
  summary: "What it is like to reach for a partner in need and find nobody, and what helps afterwards.",
  author: "Pia Park",
  tags: "repair",
  heroSrc: "the-three-cycles.svg",
  heroAlt: "Two shapes leaning toward each other",
  heroCredit: "Drawn for the practice",
  references: "",
  body: "A first paragraph about reaching.",
  publishAt: "",
  intent: "publish",
};

describe("an article published on another instance", () => {
  it("reaches this instance's cached pages at its next look, and a look with no change empties nothing", async () => {
    expect(await second.app.articleChanges.check()).toBe(false); // the first look only remembers
    expect((await second.app.inject({ url: "/articles" })).body).not.toContain(article.title); // now cached

    const owner = await addTherapist(first, "Pia Park", "pia@example.org");
    const cookie = await signInTherapist(first, owner);
    const form = await first.app.inject({ url: "/practice/articles/new", headers: { cookie } });
    const published = await first.app.inject({
      method: "POST",
      url: "/practice/articles/new",
      remoteAddress: freshAddress(),
      headers: { cookie, "sec-fetch-site": "same-origin" },
      payload: { _form: formTokenIn(form.body, "/practice/articles/new"), ...article },
    });
    expect(published.statusCode).toBe(303);
    expect((await first.app.inject({ url: "/articles" })).body).toContain(article.title);

    expect((await second.app.inject({ url: "/articles" })).body).not.toContain(article.title);
    expect(await second.app.articleChanges.check()).toBe(true);
    expect((await second.app.inject({ url: "/articles" })).body).toContain(article.title);
    expect((await second.app.inject({ url: `/articles/${article.slug}` })).statusCode).toBe(200);
    expect(await second.app.articleChanges.check()).toBe(false);
  });
});
