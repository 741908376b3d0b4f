import type { AssetRegistry } from "./assets.ts";

/**
 * What the platform's frame (layout, error pages) reads of the practice, and no more. The platform
 * knows no feature, so it cannot name the practice-settings feature's PracticeSettings; that type
 * satisfies this one. Features keep the whole of it (quick exit, help lines, consent documents…)
 * through SiteContext<PracticeSettings>, named SiteContext in features/practice-settings/site-context.ts.
 */
export type SitePractice = {
  name: string;
  locale: string;
  /** The practice's own country; the crisis note names its emergency number. */
  country: string;
  contact: { email: string };
  helpLines: readonly { code: string; name: string; emergency: { number: string } }[];
};

/** What every page needs to render the frame around its content. Nothing user-specific. */
export type SiteContext<Practice extends SitePractice = SitePractice> = {
  practice: Practice;
  assets: AssetRegistry;
  /** True while demo rows exist: every page then says so. */
  demo: boolean;
  absoluteUrl(pathname: string): string;
};
