import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { formTokenIn, freshAddress } from "../../../../test/support/forms.ts";
import { addTherapist, signInTherapist, type TestTherapist } from "../../../../test/support/people.ts";
import { createTestApp, type TestApp } from "../../../../test/support/test-app.ts";
import { auditLog } from "../../../platform/audit/audit.schema.ts";
import { articles } from "../article.schema.ts";
import { articleRedirects, articleRevisions } from "../article-history.schema.ts";
import { parseArticleFile } from "../parse-article-file.ts";
import { editorMessages as m } from "./messages.ts";

let t: TestApp;
let olive: TestTherapist;
let cookie: string;
beforeAll(async () => {
  t = await createTestApp();
  olive = await addTherapist(t, "Olive Oak", "olive@example.org"); // the first therapist owns the practice
  cookie = await signInTherapist(t, olive);
});
afterAll(() => t.close());

const good = {
  title: "When a promise breaks",
  slug: "when-a-promise-breaks",
  summary: "What happens between two people when a promise breaks, and how trust can be rebuilt.",
  author: "Olive Oak",
  tags: "repair, trust",
  heroSrc: "the-three-cycles.svg",
  heroAlt: "Two shapes leaning toward each other",
  heroCredit: "Drawn for the practice",
  references: "Johnson, S. M. (2001). Attachment injuries. | 10.1111/j.1752-0606.2001.tb00325.x",
  body: "A first paragraph.\n\n## What helps\n\nTime, and being heard.",
  publishAt: "",
};

const get = (url: string, withCookie = true) => t.app.inject({ url, headers: withCookie ? { cookie } : {} });

async function post(page: string, fields: Record<string, string>, action = page) {
  const form = await get(page);
  return t.app.inject({
    method: "POST",
    url: action,
    remoteAddress: freshAddress(),
    headers: { cookie, "sec-fetch-site": "same-origin" },
    payload: { _form: formTokenIn(form.body, action), ...fields },
  });
}

const counts = async () => ({
  articles: (await t.handle.db.select().from(articles)).length,
  revisions: (await t.handle.db.select().from(articleRevisions)).length,
});
const idFrom = (location: unknown) =>
  /\/practice\/articles\/([0-9a-f-]{36})/.exec(String(location))?.[1] ?? "";

/** The practice's wall-clock time `hours` from now, as a datetime-local input holds it (London). */
function londonLocal(hoursFromNow: number): string {
  const at = new Date(Date.now() + hoursFromNow * 3600_000);
  const parts = new Intl.DateTimeFormat("sv-SE", {
    timeZone: "Europe/London",
    dateStyle: "short",
    timeStyle: "short",
  }).format(at);
  return parts.replace(" ", "T");
}

describe("the article editor", () => {
  it("is the owner's alone", async () => {
    const bo = await addTherapist(t, "Bo Birch", "bo@example.org");
    const boCookie = await signInTherapist(t, bo);
    const page = await t.app.inject({ url: "/practice/articles", headers: { cookie: boCookie } });
    expect(page.statusCode).not.toBe(200);
    expect((await get("/practice/articles", false)).headers.location).toBe("/sign-in");
    const mine = await get("/practice/articles");
    expect(mine.statusCode).toBe(200);
    expect(mine.headers["cache-control"]).toBe("no-store");
  });

  it("previews with the site's renderer and saves nothing", async () => {
    const before = await counts();
    const preview = await post("/practice/articles/new", { ...good, intent: "preview" });
    expect(preview.statusCode).toBe(200);
    expect(preview.body).toContain('<h2 id="what-helps">What helps');
    expect(preview.body).toContain(m.previewNote);
    expect(preview.body).toContain("Time, and being heard.</textarea>");
    expect(await counts()).toEqual(before);
  });

  it("refuses bad input beside each field, keeps what was typed, and stores nothing", async () => {
    const before = await counts();
    const cases: [Record<string, string>, string, string][] = [
      [{ heroAlt: " " }, "heroAlt", m.problems.heroAlt],
      [{ slug: "Not A Slug!" }, "slug", m.problems.slug],
      [{ slug: "what-is-an-attachment-injury" }, "slug", m.problems.slugTaken],
      [{ references: "A book | not-a-doi" }, "references", m.problems.reference(1)],
      [{ heroSrc: "../../etc/passwd" }, "heroSrc", m.problems.heroSrc],
      [{ intent: "schedule", publishAt: londonLocal(-2) }, "publishAt", m.problems.publishAtPast],
      [{ intent: "schedule", publishAt: "" }, "publishAt", m.problems.publishAtMissing],
    ];
    for (const [change, field, message] of cases) {
      const answer = await post("/practice/articles/new", { ...good, intent: "draft", ...change });
      expect(answer.statusCode, field).toBe(400);
      expect(answer.body).toContain(`id="field-${field}-error">${message.replace(/—/g, "—")}`);
      expect(answer.body).toContain("Time, and being heard.</textarea>");
    }
    expect(await counts()).toEqual(before);
  });

  it("saves a draft off the site, publishes it to the page, feed and sitemap, and keeps revisions", async () => {
    const feedBefore = await get("/feed.xml", false); // cached now: publishing must empty the cache
    expect(feedBefore.body).not.toContain(good.title);
    const draft = await post("/practice/articles/new", { ...good, intent: "draft" });
    expect(draft.statusCode).toBe(303);
    const id = idFrom(draft.headers.location);
    expect((await get(`/articles/${good.slug}`, false)).statusCode).toBe(404);
    const list = await get("/practice/articles");
    expect(list.body).toContain(m.groups.draft);
    expect(list.body).toContain(good.title);

    const published = await post(`/practice/articles/${id}`, { ...good, intent: "publish" });
    expect(published.statusCode).toBe(303);
    const page = await get(`/articles/${good.slug}`, false);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain("Time, and being heard.");
    expect((await get("/feed.xml", false)).body).toContain(good.title);
    expect((await get("/sitemap.xml", false)).body).toContain(`/articles/${good.slug}</loc>`);
    expect((await get("/articles", false)).body).toContain(good.title);

    const revisions = await t.handle.db
      .select()
      .from(articleRevisions)
      .where(eq(articleRevisions.articleId, id));
    expect(revisions).toHaveLength(2);
    const actions = (await t.handle.db.select().from(auditLog)).map((row) => row.action);
    expect(actions).toEqual(expect.arrayContaining(["article.saved-as-draft", "article.published"]));
  });

  it("keeps the old address working with a 301 when the slug changes, and restores an earlier version", async () => {
    const [row] = await t.handle.db.select().from(articles).where(eq(articles.slug, good.slug));
    const id = row?.id ?? "";
    await get(`/articles/${good.slug}`, false); // cached under the old address
    const moved = await post(`/practice/articles/${id}`, {
      ...good,
      slug: "when-promises-break",
      body: "Rewritten words.",
      intent: "publish",
    });
    expect(moved.statusCode).toBe(303);
    const old = await get(`/articles/${good.slug}`, false);
    expect(old.statusCode).toBe(301);
    expect(old.headers.location).toBe("/articles/when-promises-break");
    expect((await get("/articles/when-promises-break", false)).body).toContain("Rewritten words.");

    const editor = await get(`/practice/articles/${id}`);
    const revisions = await t.handle.db
      .select()
      .from(articleRevisions)
      .where(eq(articleRevisions.articleId, id))
      .orderBy(articleRevisions.savedAt);
    const first = revisions[0]?.id ?? "";
    const action = `/practice/articles/${id}/revisions/${first}/restore`;
    const restored = await t.app.inject({
      method: "POST",
      url: action,
      headers: { cookie, "sec-fetch-site": "same-origin" },
      payload: { _form: formTokenIn(editor.body, action) },
    });
    expect(restored.statusCode).toBe(303);
    const page = await get("/articles/when-promises-break", false);
    expect(page.body).toContain("Time, and being heard.");
    expect(page.body).not.toContain("Rewritten words.");
  });

  it("downloads an article as a Markdown file the content folder accepts", async () => {
    const [row] = await t.handle.db.select().from(articles).where(eq(articles.slug, "when-promises-break"));
    const file = await get(`/practice/articles/${row?.id}/download`);
    expect(file.headers["content-type"]).toBe("text/markdown; charset=utf-8");
    expect(file.headers["content-disposition"]).toBe('attachment; filename="when-promises-break.md"');
    const parsed = parseArticleFile("when-promises-break.md", file.body);
    expect(parsed.slug).toBe("when-promises-break");
    expect(parsed.hero).toEqual({ src: good.heroSrc, alt: good.heroAlt, credit: good.heroCredit });
    expect(parsed.references).toEqual([
      { text: "Johnson, S. M. (2001). Attachment injuries.", doi: "10.1111/j.1752-0606.2001.tb00325.x" },
    ]);
    expect(parsed.bodyMarkdown.trim()).toBe(good.body);
  });

  it("publishes a scheduled article through the job runner at its time, and not before", async () => {
    const scheduled = await post("/practice/articles/new", {
      ...good,
      slug: "later-on",
      title: "Later on",
      intent: "schedule",
      publishAt: londonLocal(3),
    });
    expect(scheduled.statusCode).toBe(303);
    const id = idFrom(scheduled.headers.location);
    expect((await get("/practice/articles")).body).toContain(m.groups.scheduled);
    await t.app.jobs.runOnce(); // not due yet
    expect((await get("/articles/later-on", false)).statusCode).toBe(404);
    await get("/feed.xml", false);

    // The clock reaches the time: the job is due.
    await t.handle.db.execute(sql`update jobs set run_at = now() where kind = 'articles.publish'`);
    expect(await t.app.jobs.runOnce()).toBeGreaterThanOrEqual(1);
    const [row] = await t.handle.db.select().from(articles).where(eq(articles.id, id));
    expect(row?.status).toBe("published");
    expect(row?.publishAt).toBeNull();
    expect((await get("/articles/later-on", false)).statusCode).toBe(200);
    expect((await get("/feed.xml", false)).body).toContain("Later on");
    expect((await get("/sitemap.xml", false)).body).toContain("/articles/later-on</loc>");
    const audited = await t.handle.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.subject, `article:${id}`));
    expect(audited.map((a) => [a.actor, a.action])).toContainEqual(["system", "article.published"]);
  });

  it("leaves an article alone when its schedule was replaced before the old job ran", async () => {
    const first = await post("/practice/articles/new", {
      ...good,
      slug: "changed-mind",
      intent: "schedule",
      publishAt: londonLocal(5),
    });
    const id = idFrom(first.headers.location);
    await post(`/practice/articles/${id}`, { ...good, slug: "changed-mind", intent: "draft" });
    await t.handle.db.execute(sql`update jobs set run_at = now() where kind = 'articles.publish'`);
    await t.app.jobs.runOnce();
    const [row] = await t.handle.db.select().from(articles).where(eq(articles.id, id));
    expect(row?.status).toBe("draft");
    expect((await get("/articles/changed-mind", false)).statusCode).toBe(404);
  });

  it("keeps the redirect when another article later takes the old address only by freeing it", async () => {
    const redirects = await t.handle.db.select().from(articleRedirects);
    expect(redirects.map((r) => r.oldSlug)).toContain(good.slug);
    const taken = await post("/practice/articles/new", { ...good, title: "A new one", intent: "publish" });
    expect(taken.statusCode).toBe(303);
    expect((await get(`/articles/${good.slug}`, false)).body).toContain("A new one");
    expect((await t.handle.db.select().from(articleRedirects)).map((r) => r.oldSlug)).not.toContain(
      good.slug,
    );
  });
});
