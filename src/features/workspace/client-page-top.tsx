import { QuickExit } from "../../platform/web/quick-exit.tsx";
import type { SiteContext } from "../practice-settings/site-context.ts";
import { CrisisPanel } from "../safety/crisis-panel.tsx";

/**
 * The top of a page in the client's space: the way out (which signs them out), the way back, the title,
 * any notice of what just happened, and the help panel (open when their words called for it).
 */
export function ClientPageTop(props: {
  site: SiteContext;
  back: { href: string; label: string };
  title: string;
  notice?: string | undefined;
  crisis?: boolean | undefined;
}) {
  const { site, back, title, notice, crisis = false } = props;
  return (
    <>
      <QuickExit url={site.practice.quickExitUrl} signOut />
      <p>
        <a href={back.href}>{back.label}</a>
      </p>
      <h1>{title}</h1>
      {notice && (
        <p class="form-problem" role="status">
          {notice}
        </p>
      )}
      <CrisisPanel shown={crisis} />
    </>
  );
}
