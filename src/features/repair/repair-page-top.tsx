import { QuickExit } from "../../platform/web/quick-exit.tsx";
import type { SiteContext } from "../practice-settings/site-context.ts";
import { CrisisPanel } from "../safety/crisis-panel.tsx";
import { repairMessages as m } from "./messages.ts";

/**
 * The top of a page of material: the way out, the way back, the injury (on the repair space's pages), the
 * title, any notice and help. `back` defaults to the repair space; the individual path names its own.
 */
export function RepairPageTop(props: {
  site: SiteContext;
  injuryName?: string | undefined;
  back?: { href: string; label: string } | undefined;
  title: string;
  notice?: string | undefined;
  crisis: boolean;
}) {
  const { site, injuryName, title, notice, crisis } = props;
  const back = props.back ?? { href: "/my/repair", label: m.backToRepair };
  return (
    <>
      <QuickExit url={site.practice.quickExitUrl} signOut />
      <p>
        <a href={back.href}>{back.label}</a>
      </p>
      {injuryName !== undefined && <p class="muted">{injuryName}</p>}
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
