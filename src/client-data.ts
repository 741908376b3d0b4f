// Every table that holds a client's data, with its policy, export and erasure, gathered from the
// features (as schema.ts gathers tables). A test fails when a table with a client_id is missing.
import { accountClientData } from "./features/accounts/clients/client-data.ts";
import { chartsClientData } from "./features/assessments/charts/charts-client-data.ts";
import { measuresClientData } from "./features/assessments/measures/measures-client-data.ts";
import { cycleMapClientData } from "./features/cycle-map/cycle-map-data.ts";
import { languageCoachClientData } from "./features/language-coach/coach-client-data.ts";
import { notificationsClientData } from "./features/notifications/notifications-client-data.ts";
import { pathClientData } from "./features/path/path-client-data.ts";
import { repairClientData } from "./features/repair/repair-client-data.ts";
import { sessionsClientData } from "./features/sessions/sessions-client-data.ts";
import { workspaceClientData } from "./features/workspace/workspace-client-data.ts";
import type { ClientDataTable } from "./platform/privacy/client-data.ts";

export const clientDataTables: ClientDataTable[] = [
  ...accountClientData,
  ...workspaceClientData,
  ...measuresClientData,
  ...chartsClientData,
  ...notificationsClientData,
  ...repairClientData,
  ...cycleMapClientData,
  ...languageCoachClientData,
  ...pathClientData,
  ...sessionsClientData,
];
