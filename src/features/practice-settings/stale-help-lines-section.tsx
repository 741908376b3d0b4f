import { settingsMessages as m } from "./messages.ts";
import { shownDate } from "./settings-page.tsx";
import type { SiteContext } from "./site-context.ts";
import { practiceToday, staleHelpLines } from "./stale-help-lines.ts";

/**
 * On the practice home: help lines not checked for 12 months, so nobody in crisis is sent to a number that
 * has changed. The owner gets a link to each; another therapist is told who can change them.
 */
export function StaleHelpLinesSection(props: { site: SiteContext; isOwner: boolean; today?: string }) {
  const { site, isOwner } = props;
  const today = props.today ?? practiceToday(site.practice.timeZone);
  const stale = staleHelpLines(site.practice.helpLines, today);
  if (stale.length === 0) return null;
  return (
    <section class="contact-caution stack" aria-labelledby="stale-help-lines">
      <h2 id="stale-help-lines">{m.staleHeading}</h2>
      <p>{isOwner ? m.staleIntroOwner : m.staleIntroOther}</p>
      <ul>
        {stale.map((line) => (
          <li key={line.id}>
            {isOwner ? <a href={`/practice/settings/help-lines/${line.id}`}>{line.name}</a> : line.name} (
            {line.countryName}) — {m.checkedOn(shownDate(line.verifiedOn))}
          </li>
        ))}
      </ul>
    </section>
  );
}
