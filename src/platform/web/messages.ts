// Words the platform's web pieces show, in one place so they can be translated later.
export const webMessages = {
  /** Any form whose token is missing, forged or too old: the page again, with what was typed kept. */
  formExpired:
    "This form had been open a long time, so we couldn't accept it. Please press the button again.",
  /** A form post that met the database unavailable: the page again, with what was typed kept. */
  tryAgainInAMinute:
    "We couldn't save this just now because part of our system is briefly unavailable. Everything you typed is still here: please try again in a minute.",
  /** The page shown (503) while the database is unavailable. */
  unavailableTitle: "We'll be back in a minute",
  unavailableBody:
    "Part of our system is briefly unavailable, so this page can't be shown just now. This is not your doing, and nothing has been lost. Please try again in a minute.",
  /** Beside the button that sends a form again, on that page, when a form post met the outage. */
  resendKept:
    "What you sent has been kept on this page. Please wait a minute, then press the button to send it again (a password, if there was one, will need typing again).",
  resendButton: "Send it again",
};
