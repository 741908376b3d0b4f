import { formTokenIn } from "./forms.ts";

/** The booking form on a details page, filled in as a visitor would, with its token and hidden fields. */
export function bookingFormFields(detailsPage: string, name: string, email: string) {
  const hidden = (field: string) =>
    new RegExp(`name="${field}" value="([^"]+)"`).exec(detailsPage)?.[1] ?? "";
  return {
    _form: formTokenIn(detailsPage, "/book"),
    kind: hidden("kind"),
    start: hidden("start"),
    zone: hidden("zone"),
    submissionId: hidden("submissionId"),
    name,
    email,
    phone: "",
    contactBy: "email",
    leaveMessage: "no",
    meeting: "video",
    note: "We keep having the same argument about <money> & time.",
    noteConsent: "yes",
    adult: "yes",
    privacy: "yes",
  };
}

/** Every details-page address on a times page (HTML-escaped `&` undone). */
export const detailsLinksIn = (timesPage: string): string[] =>
  [...timesPage.matchAll(/href="(\/book\/details\?[^"]+)"/g)].map((m) =>
    (m[1] as string).replace(/&amp;/g, "&"),
  );
