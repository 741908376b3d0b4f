import { formatCalendarDate } from "../../platform/web/format-date.ts";
import { Layout } from "../../platform/web/layout.tsx";
import { QuickExit } from "../../platform/web/quick-exit.tsx";
import type { SiteContext } from "../../platform/web/site-context.ts";
import type { CountryHelp, HelpLine } from "../practice-settings/practice-settings.types.ts";
import { siteMessages as m } from "./messages.ts";

export function telHref(number: string): string {
  return `tel:${number.replace(/[^0-9+]/g, "")}`;
}

function Line({ line }: { line: HelpLine }) {
  return (
    <dd>
      {line.name}:{" "}
      <a class="help-number" href={telHref(line.number)}>
        {line.number}
      </a>
      {line.note && <> — {line.note}</>}
      <br />
      <span class="muted small">{m.checkedOn(formatCalendarDate(line.verifiedOn))}</span>
    </dd>
  );
}

export function HelpLineGroup({ title, lines }: { title: string; lines: HelpLine[] }) {
  if (lines.length === 0) return null;
  return (
    <>
      <dt>{title}</dt>
      {lines.map((line) => (
        <Line key={line.name} line={line} />
      ))}
    </>
  );
}

/** "If you are in danger now, call 999": the first line of every page that offers help. */
export function EmergencyCall({ country }: { country: CountryHelp }) {
  return (
    <p class="emergency">
      If you are in danger now, call{" "}
      <a class="help-number" href={telHref(country.emergency.number)}>
        {country.emergency.number}
      </a>
      {country.emergency.note && <> ({country.emergency.note})</>}.
    </p>
  );
}

/** Countries in the order the picker offers them: the practice's own first, then by name. */
export function orderedCountries(helpLines: CountryHelp[], practiceCountry: string): CountryHelp[] {
  const own = helpLines.filter((c) => c.code === practiceCountry);
  const others = helpLines
    .filter((c) => c.code !== practiceCountry)
    .sort((a, b) => a.name.localeCompare(b.name));
  return [...own, ...others];
}

export function HelpNowPage({ site, country }: { site: SiteContext; country: CountryHelp }) {
  const countries = orderedCountries(site.practice.helpLines, site.practice.country);
  return (
    <Layout
      site={site}
      meta={{
        title: m.helpNowTitle,
        description: m.helpNowIntro(site.practice.name),
        canonicalPath: "/help-now",
      }}
    >
      <div class="prose-width section stack">
        <QuickExit url={site.practice.quickExitUrl} />
        <h1>{m.helpNowTitle}</h1>
        <EmergencyCall country={country} />
        <p>{m.helpNowIntro(site.practice.name)}</p>
        <form class="inline-form" method="get" action="/help-now">
          <div class="field">
            <label for="country">{m.helpNowPicker}</label>
            <select id="country" name="country">
              {countries.map((c) => (
                <option key={c.code} value={c.code} selected={c.code === country.code}>
                  {c.name}
                </option>
              ))}
            </select>
          </div>
          <button class="button" type="submit">
            {m.helpNowPickerButton}
          </button>
        </form>
        <section class="help-country" aria-labelledby="country-heading">
          <h2 id="country-heading">{country.name}</h2>
          <dl>
            <HelpLineGroup title={m.emergency} lines={[country.emergency]} />
            <HelpLineGroup title={m.crisis} lines={country.crisis} />
            <HelpLineGroup title={m.domesticAbuse} lines={country.domesticAbuse} />
            <HelpLineGroup title={m.forPeopleWhoUseAbuse} lines={country.forPeopleWhoUseAbuse} />
            <HelpLineGroup title={m.youth} lines={country.youth} />
          </dl>
        </section>
        <p class="muted">{m.helpNowPrivateBrowsing}</p>
      </div>
    </Layout>
  );
}
