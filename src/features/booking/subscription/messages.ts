// Words about the therapist's private subscription address, in one place so they can be translated later.
export const subscriptionMessages = {
  heading: "Your consultations in your own calendar",
  intro:
    "A private address your phone or calendar app can subscribe to, so every consultation shows there. Each one is titled “Appointment with” your practice and the visitor's initials only — never a name, email or note — because phones show calendars on the lock screen. Anyone with the address can see those times and initials, so keep it as private as a password.",
  addressLabel: "Your private address",
  subscribeHere: "Subscribe on this device",
  orPaste: ", or paste the address into your calendar app's “subscribe” or “add from URL”.",
  lastRead: (when: string) => `A calendar last read it ${when}.`,
  neverRead: "No calendar has read it yet.",
  renew: "Make a new address (the old one stops working)",
  stop: "Stop sharing",
  make: "Make a private address",
};
