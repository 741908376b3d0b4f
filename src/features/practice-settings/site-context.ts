import type { SiteContext as PlatformSiteContext } from "../../platform/web/site-context.ts";
import type { PracticeSettings } from "./practice-settings.types.ts";

/** The platform's site context with the whole of the practice's settings, as every feature reads it. */
export type SiteContext = PlatformSiteContext<PracticeSettings>;
