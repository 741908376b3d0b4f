import type { ComponentChildren } from "preact";
import type { SiteContext } from "../../practice-settings/site-context.ts";
import type { Slot } from "../compute-slots.ts";
import { fullMoment } from "../messages.ts";
import { bookUrl } from "./book-url.ts";
import { type BookingFrame, BookingLayout, siteFrame } from "./booking-frame.tsx";
import { kindWords, timesMessages as m, manageMessages } from "./messages.ts";
import { WeekOfTimes } from "./week-of-times.tsx";
import { ZoneChooser } from "./zone-chooser.tsx";

export type Kind = "individual" | "couple" | "unsure";

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

/**
 * Moving a booked consultation shows this same page under the manage link (record 065): the zone choice and
 * the week links stay there, a time leads to the step that confirms the move, and the time held now is marked.
 */
export type MovingTimes = {
  /** This page's path under the manage link. */
  path: string;
  /** The step that confirms a move to this time, keeping the zone and the week it was chosen in. */
  confirmLink: (start: number, week: number) => string;
  /** The manage page. */
  back: string;
  current: number;
  /** The week that holds the current time. */
  currentWeek: number;
};

export function TimesPage(props: {
  site: SiteContext;
  frame?: BookingFrame;
  who?: WhoChoice | undefined;
  kind: Kind;
  zone: string;
  zoneChosen: boolean;
  week: number;
  lastWeek: number;
  /**
   * The weeks the page holds: the one shown, its neighbours (so with JavaScript the next step needs no
   * new page) and the next available time's week. Any other week's link loads its page (record 061).
   */
  weeks: { index: number; slots: Slot[] }[];
  nextAvailable: Slot | undefined;
  /** The week whose page shows the next available time. */
  nextAvailableWeek: number | undefined;
  problem?: string | undefined;
  moving?: MovingTimes | undefined;
  /** Shown under the problem: after a move's time was just taken, the nearest ones still free. */
  lead?: ComponentChildren;
  /** Beside the zone chooser: the address named a zone we don't know. */
  zoneProblem?: string | undefined;
  /** The moment the chooser's offsets are for: now, unless a test fixes it. */
  now?: number | undefined;
}) {
  const { site, kind, zone, zoneChosen, week, lastWeek, weeks, nextAvailable, nextAvailableWeek, problem } =
    props;
  const frame = props.frame ?? siteFrame;
  const { moving } = props;
  const withWhom = props.who?.chosen;
  const link = (w: number) =>
    moving
      ? bookUrl(moving.path, { zone, week: w })
      : bookUrl(frame.base, { kind, zone, with: withWhom, week: w });
  const title = moving ? manageMessages.chooseAnother : m.title;
  return (
    <BookingLayout
      frame={frame}
      site={site}
      fullSitePath={bookUrl("/book", { kind, zone, with: withWhom, week })}
      meta={{
        title,
        description: moving ? manageMessages.rescheduleDescription : m.description,
        noindex: true,
      }}
    >
      <div class="prose-width section stack" data-detect-zone={zoneChosen ? undefined : "true"}>
        <p>
          {moving ? (
            <a href={moving.back}>{manageMessages.back}</a>
          ) : (
            <a href={frame.base}>← {kindWords[kind]}</a>
          )}
        </p>
        <h1>{title}</h1>
        {problem && (
          <div class="form-problem" role="alert">
            <p>{problem}</p>
          </div>
        )}
        {props.lead}
        {props.who && (
          <ChooseWho who={props.who} link={(id) => bookUrl(frame.base, { kind, zone, with: id })} />
        )}
        <form class="inline-form" method="get" action={moving?.path ?? frame.base}>
          {!moving && <input type="hidden" name="kind" value={kind} />}
          {withWhom && <input type="hidden" name="with" value={withWhom} />}
          <ZoneChooser
            zone={zone}
            chosen={zoneChosen}
            at={props.now ?? Date.now()}
            problem={props.zoneProblem}
          />
          <button class="button button--quiet" type="submit">
            {m.showTimes}
          </button>
        </form>
        {moving && (
          <p>
            {manageMessages.currentTime} <strong>{fullMoment(moving.current, zone)}</strong>
          </p>
        )}
        {nextAvailable ? (
          <p>
            {m.nextAvailable} <strong>{fullMoment(nextAvailable.start, zone)}</strong>
          </p>
        ) : (
          <p>{m.noTimes}</p>
        )}
        {weeks.map(({ index, slots }) => (
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
            timeLink={moving && ((start) => moving.confirmLink(start, index))}
            current={moving?.currentWeek === index ? moving.current : undefined}
          />
        ))}
      </div>
    </BookingLayout>
  );
}
