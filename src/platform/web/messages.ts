// Words the platform's web pieces show, in one place so they can be translated later.
export const webMessages = {
  /** Any form whose token is missing, forged or too old: the page again, with what was typed kept. */
  formExpired:
    "This form had been open a long time, so we couldn't accept it. Please press the button again.",
  /** Under a text field with a limit, once most of the room is used (shown by enhance.ts). */
  charactersLeft: (left: number) => (left === 1 ? "1 character left" : `${left} characters left`),
};
