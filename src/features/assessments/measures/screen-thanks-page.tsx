import type { CountryHelp } from "../../practice-settings/practice-settings.types.ts";
import type { SiteContext } from "../../practice-settings/site-context.ts";
import { EmergencyCall, HelpLineGroup } from "../../site/help-now-page.tsx";
import { MeasurePageFrame } from "./measure-pages.tsx";
import { measureMessages as m } from "./messages.ts";

/** The help lines of the practice's own country (the help-now page offers the others). */
export function practiceCountryHelp(site: SiteContext): CountryHelp | undefined {
  return site.practice.helpLines.find((c) => c.code === site.practice.country) ?? site.practice.helpLines[0];
}

/**
 * The answer to sending a screen for harm, shown once (in the POST's response) and never again. It is
 * the same page whatever the answers, declined included: someone who sees it learns nothing about them,
 * and everyone who answered has the help in front of them (DOMAIN.md §4), including help for people who
 * worry about how they treat their partner.
 */
export function ScreenThanksPage({ site, country }: { site: SiteContext; country: CountryHelp | undefined }) {
  return (
    <MeasurePageFrame site={site} title={m.thanksTitle}>
      <h1>{m.thanksTitle}</h1>
      <p>{m.screenSent}</p>
      <p>{m.screenGone}</p>
      {country && (
        <section class="help-country stack" aria-labelledby="screen-help">
          <h2 id="screen-help">{m.helpNowHeading}</h2>
          <EmergencyCall country={country} />
          <dl>
            <HelpLineGroup title={m.afraidOfPartner} lines={country.domesticAbuse} />
            <HelpLineGroup title={m.worriedAboutSelf} lines={country.forPeopleWhoUseAbuse} />
          </dl>
          <p>
            <a href="/help-now">{m.helpLinesFor(country.name)}</a>
          </p>
        </section>
      )}
    </MeasurePageFrame>
  );
}
