import type { SiteContext } from "../../practice-settings/site-context.ts";
import type { Slot } from "../compute-slots.ts";
import { groupByDay } from "../group-by-day.ts";
import { clockTime, dayHeading, fullMoment } from "../messages.ts";
import { zoneChoices } from "../zone-choices.ts";
import { type BookingFrame, BookingLayout, LeaveLink, siteFrame } from "./booking-frame.tsx";
import { kindWords, timesMessages as m } from "./messages.ts";

export type Kind = "individual" | "couple" | "unsure";

export function KindPage({ site, frame = siteFrame }: { site: SiteContext; frame?: BookingFrame }) {
  return (
    <BookingLayout
      frame={frame}
      site={site}
      fullSitePath="/book"
      meta={{
        title: m.kindTitle,
        description: m.kindDescription,
        canonicalPath: "/book",
      }}
    >
      <div class="prose-width section stack">
        <h1>{m.kindTitle}</h1>
        <p>{m.kindIntro}</p>
        <form class="form" method="get" action={frame.base}>
          <fieldset>
            <legend>{m.kindLegend}</legend>
            {(Object.keys(kindWords) as Kind[]).map((kind, index) => (
              <div class="choice" key={kind}>
                <input type="radio" id={`kind-${kind}`} name="kind" value={kind} checked={index === 0} />
                <label for={`kind-${kind}`}>{kindWords[kind]}</label>
              </div>
            ))}
          </fieldset>
          <p>
            <button class="button" type="submit">
              {m.seeTimes}
            </button>
          </p>
        </form>
        <p class="muted">
          {m.inDanger}{" "}
          <LeaveLink frame={frame} href="/help-now">
            {m.findHelp}
          </LeaveLink>
          .
        </p>
      </div>
    </BookingLayout>
  );
}

/** A page link that keeps the visitor's choices; only non-identifying choices travel in URLs. */
export function bookUrl(path: string, params: Record<string, string | number | undefined>): string {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (value !== undefined) query.set(key, String(value));
  return `${path}?${query.toString()}`;
}

/**
 * In a group practice: the therapists a visitor may choose, and who is chosen ("any" is first available).
 * Absent when the practice has one therapist, so nothing changes for them.
 */
export type WhoChoice = { therapists: { id: string; name: string }[]; chosen: string };

/** Who would you like to see? Links, so the choice works without JavaScript and keeps kind and zone. */
function ChooseWho(props: { who: WhoChoice; link: (withWhom: string) => string }) {
  const { who, link } = props;
  const options = [{ id: "any", name: m.firstAvailable }, ...who.therapists];
  return (
    <nav aria-labelledby="who-heading" class="stack">
      <h2 id="who-heading">{m.whoHeading}</h2>
      <ul class="inline-form">
        {options.map((option) => (
          <li key={option.id}>
            {option.id === who.chosen ? (
              <strong aria-current="true">{option.name}</strong>
            ) : (
              <a href={link(option.id)}>{option.name}</a>
            )}
          </li>
        ))}
      </ul>
      {who.chosen === "any" && <p class="muted">{m.firstAvailableHint}</p>}
    </nav>
  );
}

export function TimesPage(props: {
  site: SiteContext;
  frame?: BookingFrame;
  who?: WhoChoice | undefined;
  kind: Kind;
  zone: string;
  zoneChosen: boolean;
  week: number;
  lastWeek: number;
  /** Every week's times, so that with JavaScript moving between weeks needs no new page. */
  weeks: Slot[][];
  nextAvailable: Slot | undefined;
  /** The week whose page shows the next available time. */
  nextAvailableWeek: number | undefined;
  problem?: string | undefined;
}) {
  const { site, kind, zone, zoneChosen, week, lastWeek, weeks, nextAvailable, nextAvailableWeek, problem } =
    props;
  const frame = props.frame ?? siteFrame;
  const withWhom = props.who?.chosen;
  const link = (w: number) => bookUrl(frame.base, { kind, zone, with: withWhom, week: w });
  return (
    <BookingLayout
      frame={frame}
      site={site}
      fullSitePath={bookUrl("/book", { kind, zone, with: withWhom, week })}
      meta={{ title: m.title, description: m.description, noindex: true }}
    >
      <div class="prose-width section stack" data-detect-zone={zoneChosen ? undefined : "true"}>
        <p>
          <a href={frame.base}>← {kindWords[kind]}</a>
        </p>
        <h1>{m.title}</h1>
        {problem && (
          <div class="form-problem" role="alert">
            <p>{problem}</p>
          </div>
        )}
        {props.who && (
          <ChooseWho who={props.who} link={(id) => bookUrl(frame.base, { kind, zone, with: id })} />
        )}
        <form class="inline-form" method="get" action={frame.base}>
          <input type="hidden" name="kind" value={kind} />
          {withWhom && <input type="hidden" name="with" value={withWhom} />}
          <div class="field">
            <label for="zone">{m.zoneLabel}</label>
            <select id="zone" name="zone">
              {zoneChoices().map((z) => (
                <option key={z} value={z} selected={z === zone}>
                  {z.replace(/_/g, " ")}
                </option>
              ))}
            </select>
          </div>
          <button class="button button--quiet" type="submit">
            {m.showTimes}
          </button>
        </form>
        {nextAvailable ? (
          <p>
            {m.nextAvailable} <strong>{fullMoment(nextAvailable.start, zone)}</strong>
          </p>
        ) : (
          <p>{m.noTimes}</p>
        )}
        {weeks.map((slots, index) => (
          <WeekOfTimes
            key={index}
            index={index}
            visible={index === week}
            slots={slots}
            zone={zone}
            kind={kind}
            withWhom={withWhom}
            base={frame.base}
            link={link}
            lastWeek={lastWeek}
            nextAvailableWeek={nextAvailableWeek}
          />
        ))}
      </div>
    </BookingLayout>
  );
}

/**
 * One week of times. Every week is in the page; only the chosen one is shown. Without JavaScript the
 * week links load that week's page; with it, enhance.ts shows the week in place.
 */
function WeekOfTimes(props: {
  index: number;
  visible: boolean;
  slots: Slot[];
  zone: string;
  kind: Kind;
  withWhom: string | undefined;
  /** Where the flow's pages sit: "/book", or "/embed/book" inside an embed. */
  base: string;
  link: (week: number) => string;
  lastWeek: number;
  nextAvailableWeek: number | undefined;
}) {
  const { index, visible, slots, zone, kind, withWhom, base, link, lastWeek, nextAvailableWeek } = props;
  const days = groupByDay(slots, zone);
  const headingId = `week-${index}`;
  return (
    <section class="stack" data-week={String(index)} hidden={!visible} aria-labelledby={headingId}>
      <h2 id={headingId} tabindex={-1} class="visually-hidden">
        {index === 0 ? m.thisWeek : m.week(index + 1)}
      </h2>
      {days.length === 0 && nextAvailableWeek !== undefined && nextAvailableWeek !== index && (
        <p>
          {m.noTimesThisWeek}{" "}
          <a href={link(nextAvailableWeek)} data-week-link={String(nextAvailableWeek)}>
            {m.goToNext}
          </a>
          .
        </p>
      )}
      {days.map((day) => (
        <section class="stack times-day" key={day.day} aria-labelledby={`day-${day.day}`}>
          <h3 id={`day-${day.day}`}>{dayHeading(day.slots[0]?.start ?? 0, zone)}</h3>
          <ul class="time-list">
            {day.slots.map((slot) => (
              <li key={slot.start}>
                <a
                  class="time-choice"
                  href={bookUrl(`${base}/details`, { kind, zone, with: withWhom, start: slot.start })}
                >
                  {clockTime(slot.start, zone)}
                  <span class="visually-hidden">, {dayHeading(slot.start, zone)}</span>
                </a>
              </li>
            ))}
          </ul>
        </section>
      ))}
      <nav class="week-nav" aria-label={m.weeks}>
        {index > 0 && (
          <a href={link(index - 1)} data-week-link={String(index - 1)}>
            {m.earlier}
          </a>
        )}
        {index < lastWeek && (
          <a href={link(index + 1)} data-week-link={String(index + 1)}>
            {m.later}
          </a>
        )}
      </nav>
    </section>
  );
}
