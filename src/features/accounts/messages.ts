// Words the accounts feature shows, in one place so they can be translated later.
export const accountMessages = {
  signInTitle: "Sign in",
  signInIntro: "For the practice's therapists. Clients sign in with the link their therapist sends them.",
  email: "Email address",
  password: "Password",
  signInButton: "Sign in",
  emailIncomplete: "That email address looks incomplete — please check it.",
  passwordMissing: "Please enter your password.",
  noMatch: "That email and password don't match an account here. Please check them and try again.",
  waitBeforeTrying: (minutes: number) =>
    `There have been several attempts to sign in to this account. Please wait ${minutes} minute${minutes === 1 ? "" : "s"}, then try again.`,
  formExpired:
    "This form had been open a long time, so we couldn't accept it. Please press the button again.",
  signedOutForPrivacy: "You were signed out to keep your space private. Sign in again to carry on.",
  setupTitle: "Set up your practice",
  setupIntro:
    "Create the first therapist account. It will own the practice and can invite other therapists later.",
  setupLinkUsed:
    "This set-up link has already been used or has expired. Restart Haven to print a new one while no account exists.",
  name: "Your name as clients will see it",
  nameMissing: "Please enter your name.",
  newPassword: "Choose a password (at least 12 characters)",
  createAccount: "Create the account",
  emailTaken: "An account with that email address already exists.",
  signInsTitle: "Your sign-ins",
  signInsIntro: "These are the devices signed in to your account now. End any you don't recognise.",
  thisDevice: "This device",
  lastActive: "Last active",
  endThis: "End this sign-in",
  endAll: "Sign out everywhere",
  signOut: "Sign out",
  ended: "That sign-in has been ended.",
  endedAll: "Every sign-in has been ended, including this one.",
};
