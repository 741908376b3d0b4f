// The assessments feature's words live beside the parts that show them; this is the one place to find them.
export { instrumentMessages } from "./instruments/messages.ts";
export { measureMessages, therapistMeasureMessages } from "./measures/messages.ts";
export { selfCheckMessages } from "./self-check/messages.ts";
