/** What the embedded booking pages say that the full site's pages do not (record 041). */
export const embedMessages = {
  openInNewTab: "Open in a new tab",
  mainLandmark: "Booking",
  startAgain: "Start the booking again",
  newTab: " (opens in a new tab)",
  /** On the embedded confirmation, in place of the calendar, change and cancel buttons. */
  openConsultation: "Open this page in a new tab",
  consultationPageHint:
    "There you can add it to your calendar, choose another time or cancel. Keep that page's address to yourself: anyone with it can change this booking.",
};
