import type { CountryHelp } from "../../practice-settings/practice-settings.types.ts";
import type { SiteContext } from "../../practice-settings/site-context.ts";
import { EmergencyCall, HelpLineGroup } from "../../site/help-now-page.tsx";
import { MeasurePageFrame } from "./measure-pages.tsx";

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
    <MeasurePageFrame site={site} title="Thank you">
      <h1>Thank you</h1>
      <p>
        Your answers have gone to your therapist only. Nobody reads them live: your therapist sees them when
        they next open your record, and may talk them through with you on your own.
      </p>
      <p>
        This page will not be shown again, and these questions no longer appear in your list. If you would
        like to talk to your therapist on your own, you can ask them for an individual session.
      </p>
      {country && (
        <section class="help-country stack" aria-labelledby="screen-help">
          <h2 id="screen-help">Help you can reach now</h2>
          <EmergencyCall country={country} />
          <dl>
            <HelpLineGroup title="If you are afraid of your partner" lines={country.domesticAbuse} />
            <HelpLineGroup
              title="If you are worried about how you treat your partner"
              lines={country.forPeopleWhoUseAbuse}
            />
          </dl>
          <p>
            <a href="/help-now">Help lines for {country.name} and other countries</a>
          </p>
        </section>
      )}
    </MeasurePageFrame>
  );
}
