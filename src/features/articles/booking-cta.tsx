import { articleMessages as m } from "./messages.ts";

export function BookingCta({ kind }: { kind?: "individual" | "couple" | "unsure" }) {
  const href = kind ? `/book?kind=${kind}` : "/book";
  return (
    <aside class="booking-cta" aria-labelledby="booking-cta-heading">
      <h2 id="booking-cta-heading">{m.ctaHeading}</h2>
      <p>{m.ctaBody}</p>
      <p>
        <a class="button" href={href}>
          {m.ctaButton}
        </a>
      </p>
    </aside>
  );
}
