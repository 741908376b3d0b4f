import { webMessages } from "../../platform/web/messages.ts";

// Words the accounts feature shows, in one place so they can be translated later.
export const accountMessages = {
  signInTitle: "Sign in",
  signInIntro: "With your email, password and a code from your authenticator app.",
  clientHeading: "Clients",
  therapistHeading: "Therapists",
  email: "Email address",
  password: "Password",
  signInButton: "Sign in",
  emailIncomplete: "That email address looks incomplete — please check it.",
  passwordMissing: "Please enter your password.",
  noMatch: "That email and password don't match an account here. Please check them and try again.",
  waitBeforeTrying: (minutes: number) =>
    `There have been several attempts to sign in to this account. Please wait ${minutes} minute${minutes === 1 ? "" : "s"}, then try again.`,
  formExpired: webMessages.formExpired,
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
  codeTitle: "One more step",
  codeIntro: "Enter the 6-digit code from your authenticator app.",
  codeLabel: "Code from your app, or a recovery code",
  codeHint: "Lost your phone? Type one of your recovery codes instead.",
  codeButton: "Continue",
  codeMissing: "Please enter the code from your app.",
  codeWrong: "That code didn't work. Codes change every 30 seconds — please try the newest one.",
  codeTooSlow: "That took a little too long, so please sign in again.",
  twoStepTitle: "Set up your second step",
  twoStepIntro:
    "Your account can see what clients share, so signing in needs your password and a code from an authenticator app on your phone (such as Aegis, Google Authenticator or 1Password).",
  twoStepClientIntro:
    "A second step keeps your space private even if someone else can read your email: signing in will need the emailed link and a code from an authenticator app on your phone.",
  twoStepScan: "Scan this code with the app, or type the key below into it.",
  twoStepKey: "Key",
  twoStepConfirm: "Then enter the 6-digit code the app shows",
  twoStepButton: "Turn on the second step",
  twoStepAlreadyOn:
    "Your second step is on. Setting it up again moves it to a new phone: the old app and your old recovery codes stop working.",
  twoStepExpired: "This set-up form is no longer valid. Please scan the new code below.",
  recoveryTitle: "Your recovery codes",
  recoveryIntro:
    "Each code works once, in place of a code from your app, if you lose your phone. Print them or keep them in a password manager. They won't be shown again.",
  recoveryDone: "I've kept them safe — continue",
  recoveryLow: (left: number) =>
    `You have ${left} recovery code${left === 1 ? "" : "s"} left. Set up your second step again to get a fresh set.`,
  forgottenTitle: "Forgotten your password?",
  forgottenDescription: "Reset a therapist's password.",
  forgottenIntro:
    "For the practice's therapists. Enter your email address and we'll send a link to choose a new password. Signing in will still ask for the code from your authenticator app.",
  sending: "Sending…",
  emailMeLink: "Email me a link",
  resetSentTitle: "Check your email",
  resetSent:
    "If that address belongs to a therapist here, a link to choose a new password is on its way. It works once, for 30 minutes.",
  joinTitle: "Join the practice",
  chooseTitle: "Choose a new password",
  joinIntro:
    "Choose a password for your account. Next, you'll sign in and set up a second step with an authenticator app.",
  chooseIntro: "Choose a new password. Every device signed in to your account will be signed out.",
  saving: "Saving…",
  savePassword: "Save the password",
  passwordLinkUnusable:
    "This link has expired or has already been used. Reset links work once, for 30 minutes; an invitation to join lasts 7 days.",
  joinedTitle: "Welcome to the practice",
  joined: "Your password is saved. Sign in now to set up your second step.",
  changedTitle: "Your password has been changed",
  changed:
    "Your new password is saved and every device has been signed out. Sign in with it and the code from your app.",
  twoStepQrAlt: "QR code for your authenticator app",
};
