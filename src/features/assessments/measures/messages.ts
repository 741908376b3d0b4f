// Words of the questionnaires a therapist asks for, in one place so they can be translated later.
export const measureMessages = {
  answersNotSent:
    "This page was open for a long time, so your answers were not sent. Please send them again.",
};
