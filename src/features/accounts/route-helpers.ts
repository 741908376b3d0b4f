/** Every attempt counts, refused ones included; the 429 is the friendly "please wait" page. */
export const authRateLimit = { rateLimit: { max: 10, timeWindow: "1 minute" } };

/** Kept here too so the features' many imports of it keep working; it lives in platform/web. */
export { fieldText } from "../../platform/web/form-post.ts";
