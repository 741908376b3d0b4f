/** The longest message a therapist may send with a decline: a few kind sentences, not a letter. */
export const declineMessageMaxLength = 500;

/** The longest message a therapist may send with a cancellation or a move they make. */
export const changeMessageMaxLength = 500;
