import type { PracticeSettings } from "../../features/practice-settings/practice-settings.types.ts";
import type { AssetRegistry } from "./assets.ts";

/** What every page needs to render the frame around its content. Nothing user-specific. */
export type SiteContext = {
  practice: PracticeSettings;
  assets: AssetRegistry;
  /** True while demo rows exist: every page then says so. */
  demo: boolean;
  absoluteUrl(pathname: string): string;
};
