import { SelectField } from "../../platform/web/form-fields.tsx";
import { formatCalendarDate } from "../../platform/web/format-date.ts";
import { Layout } from "../../platform/web/layout.tsx";
import { QuickExit } from "../../platform/web/quick-exit.tsx";
import type { CountryHelp, HelpLine } from "../practice-settings/practice-settings.types.ts";
import type { SiteContext } from "../practice-settings/site-context.ts";
import { countryName, emergencyNumbers } from "./countries.ts";
import { footerEmergency, type ShownCountry } from "./help-country.ts";
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
      {m.helpNowDangerCall}{" "}
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

/** The picker: the countries the practice lists lines for, then others whose emergency number is known. */
function CountryPicker({ site, country }: { site: SiteContext; country: ShownCountry }) {
  const listed = orderedCountries(site.practice.helpLines, site.practice.country);
  const listedCodes = new Set(listed.map((c) => c.code));
  const others = [...new Set([...Object.keys(emergencyNumbers), country.code])]
    .filter((code) => !listedCodes.has(code))
    .map((code) => ({ code, name: countryName(code) }))
    .sort((a, b) => a.name.localeCompare(b.name));
  return (
    <form class="inline-form" method="get" action="/help-now">
      <SelectField name="country" id="country" label={m.helpNowPicker}>
        <optgroup label={m.helpNowListedGroup}>
          {listed.map((c) => (
            <option key={c.code} value={c.code} selected={c.code === country.code}>
              {c.name}
            </option>
          ))}
        </optgroup>
        {others.length > 0 && (
          <optgroup label={m.helpNowOtherGroup}>
            {others.map((c) => (
              <option key={c.code} value={c.code} selected={c.code === country.code}>
                {c.name}
              </option>
            ))}
          </optgroup>
        )}
      </SelectField>
      <button class="button" type="submit">
        {m.helpNowPickerButton}
      </button>
    </form>
  );
}

/** A country the practice lists no lines for: its emergency number where known, and plainly that. */
function UnlistedCountry({
  site,
  country,
}: {
  site: SiteContext;
  country: ShownCountry & { listed: false };
}) {
  return (
    <section class="help-country stack" aria-labelledby="country-heading">
      <h2 id="country-heading">{country.name}</h2>
      <p>{m.notListed(site.practice.name, country.name)}</p>
      {country.emergency ? (
        <>
          <p>{m.notListedEmergency}</p>
          <dl>
            <dt>{m.emergency}</dt>
            <dd>
              {m.emergencyServices}:{" "}
              <a class="help-number" href={telHref(country.emergency)}>
                {country.emergency}
              </a>
              <br />
              <span class="muted small">{m.emergencyNotChecked}</span>
            </dd>
          </dl>
        </>
      ) : (
        <p>{m.notListedNoEmergency(country.name)}</p>
      )}
      <p>{m.helpNowOtherCountries}</p>
    </section>
  );
}

function ListedCountry({ country }: { country: CountryHelp }) {
  return (
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
  );
}

/**
 * Help now, for the country asked for (or the practice's own). `data-help-now` names the country
 * shown, so the browser's script can offer the visitor's own country instead (from its time zone).
 */
export function HelpNowPage({ site, country }: { site: SiteContext; country: ShownCountry }) {
  return (
    <Layout
      site={site}
      meta={{
        title: m.helpNowTitle,
        description: m.helpNowIntro(site.practice.name),
        canonicalPath: "/help-now",
      }}
      emergency={footerEmergency(country)}
    >
      <div class="prose-width section stack" data-help-now={country.code}>
        <QuickExit url={site.practice.quickExitUrl} />
        <h1>{m.helpNowTitle}</h1>
        {country.listed ? (
          <EmergencyCall country={country.help} />
        ) : country.emergency ? (
          <p class="emergency">
            {m.dangerNowCall}{" "}
            <a class="help-number" href={telHref(country.emergency)}>
              {country.emergency}
            </a>{" "}
            ({country.name}).
          </p>
        ) : (
          <p class="emergency">{m.dangerNowLocal}</p>
        )}
        <p>{m.helpNowIntro(site.practice.name)}</p>
        <CountryPicker site={site} country={country} />
        {country.listed ? (
          <ListedCountry country={country.help} />
        ) : (
          <UnlistedCountry site={site} country={country} />
        )}
        <p class="muted">{m.helpNowPrivateBrowsing}</p>
      </div>
    </Layout>
  );
}
