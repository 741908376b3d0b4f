import { QuickExit } from "../../platform/web/quick-exit.tsx";
import type { SiteContext } from "../practice-settings/site-context.ts";
import { CrisisPanel } from "../safety/crisis-panel.tsx";
import { repairMessages as m } from "./messages.ts";

/** The top of a partner's repair page: the way out, the way back, the injury, the title, any notice and help. */
export function RepairPageTop(props: {
  site: SiteContext;
  injuryName: string;
  title: string;
  notice?: string | undefined;
  crisis: boolean;
}) {
  const { site, injuryName, title, notice, crisis } = props;
  return (
    <>
      <QuickExit url={site.practice.quickExitUrl} signOut />
      <p>
        <a href="/my/repair">{m.backToRepair}</a>
      </p>
      <p class="muted">{injuryName}</p>
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
