// Words the platform's mail pieces show, in one place so they can be translated later.
export const mailMessages = {
  undeliveredHeading: "Emails that could not be sent",
  undeliveredIntro:
    "Haven tried each of these several times and the mail server would not take it. The person has not had it: please reach them another way, and check the address.",
  undeliveredItem: (to: string, subject: string, when: string) =>
    `To ${to} (“${subject}”), last tried ${when}`,
};
