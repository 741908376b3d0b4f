import { Layout } from "../../platform/web/layout.tsx";
import type { ArticleSummary } from "../articles/article-queries.ts";
import { ArticleTeaser } from "../articles/article-teaser.tsx";
import type { SiteContext } from "../practice-settings/site-context.ts";
import { siteMessages as m } from "./messages.ts";

export function HomePage({ site, latest }: { site: SiteContext; latest: ArticleSummary[] }) {
  const { practice } = site;
  return (
    <Layout
      site={site}
      meta={{
        title: practice.name,
        description: practice.tagline,
        canonicalPath: "/",
        jsonLd: {
          "@context": "https://schema.org",
          "@type": "MedicalBusiness",
          name: practice.name,
          url: site.absoluteUrl("/"),
        },
      }}
    >
      <section class="container hero">
        <div class="hero__words">
          <h1>{practice.tagline}</h1>
          <p class="lede">{m.heroLede}</p>
          <p class="actions">
            <a class="button" href="/book">
              {m.bookForThis}
            </a>
            <a class="button button--quiet" href="/articles/what-is-an-attachment-injury">
              {m.whatIsInjury}
            </a>
          </p>
        </div>
        {/* Decorative: the words say it all. Its size is given, so nothing moves when it arrives. */}
        <img
          class="hero__picture"
          src={site.assets.url("home-reaching.svg")}
          alt=""
          width={640}
          height={320}
        />
      </section>

      <section class="container section stack" aria-labelledby="ways-in-heading">
        <h2 id="ways-in-heading">{m.waysInHeading}</h2>
        <p class="muted">{m.waysInIntro}</p>
        <p>
          {m.notSureLead}
          <a href="/self-check">{m.takeSelfCheck}</a>
          {m.notSureTail}
        </p>
        <ul class="grid plain-list">
          {m.waysIn.map((way) => (
            <li key={way.tag} class="card card--way-in">
              <h3>{way.title}</h3>
              <p>{way.body}</p>
              <p class="card-link">
                <a href={`/articles?tag=${way.tag}`}>
                  {m.readForThis}
                  <span class="visually-hidden">: {way.title}</span>
                </a>
              </p>
              <p>
                <a href={way.kind ? `/book?kind=${way.kind}` : "/book"}>
                  {m.bookForThis}
                  <span class="visually-hidden">: {way.title}</span>
                </a>
              </p>
            </li>
          ))}
        </ul>
      </section>

      <section class="container section stack" aria-labelledby="consultation-heading">
        <div class="booking-cta">
          <h2 id="consultation-heading">{m.consultationHeading}</h2>
          <p>{m.consultationBody}</p>
          <p>
            <a class="button" href="/book">
              {m.bookForThis}
            </a>
          </p>
        </div>
      </section>

      {latest.length > 0 && (
        <section class="container section stack" aria-labelledby="latest-heading">
          <h2 id="latest-heading">{m.latestHeading}</h2>
          <ul class="grid plain-list">
            {latest.map((article) => (
              <li key={article.slug}>
                <ArticleTeaser article={article} headingLevel={3} />
              </li>
            ))}
          </ul>
          <p>
            <a href="/articles">{m.allArticles}</a>
          </p>
        </section>
      )}

      <section class="container section stack" aria-labelledby="team-heading">
        <h2 id="team-heading">{m.teamHeading}</h2>
        <ul class="grid plain-list">
          {practice.therapists.map((therapist) => (
            <li key={therapist.name} class="card">
              <h3>{therapist.name}</h3>
              <p class="muted">{therapist.role}</p>
              <p>{therapist.bio}</p>
            </li>
          ))}
        </ul>
      </section>
    </Layout>
  );
}
