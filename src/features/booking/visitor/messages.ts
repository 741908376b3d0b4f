// Words the visitor reads while booking and managing a consultation, in one place so they can be
// translated later.

/** What the visitor's manage page says after each change they made. */
export const manageNotices = {
  booked: "Your consultation is booked. A confirmation is on its way if you chose email.",
  requested:
    "Thank you — your request is sent. It is not confirmed yet: the answer will be on this page, and in an email if you chose email.",
  moved: "Your consultation has moved to the new time.",
  "request-moved": "Your request has moved to the new time. It is still waiting for an answer.",
  cancelled: "Your consultation is cancelled.",
  withdrawn: "Your request is withdrawn.",
};

/** Problems the booking flow's answers show. */
export const visitorMessages = {
  manageExpired: "This page had been open a long time. Please press the button again.",
  rescheduleExpired: "This page had been open a long time. Please choose again.",
  chooseTime: "Please choose a time.",
  rescheduleTaken: "Sorry — that time was taken a moment ago. Please choose another.",
  therapistGone:
    "The therapist you chose isn't taking bookings online just now. You can choose someone else, or contact the practice.",
  noLongerFree: "That time is no longer free. Please choose another.",
  notAPerson: "Something about that didn't work. Please check your details and try again.",
  tooManyForEmail:
    "We couldn't book this time for that email address. If you already have a consultation booked, the link in its confirmation lets you change it; or please contact the practice.",
  justTaken:
    "Sorry — someone booked that time a moment ago. Here are the nearest free times; everything you typed is kept.",
  notOffered: "That time isn't one we offer. Please choose one of these.",
};
