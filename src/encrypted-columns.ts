// Every column that holds encrypted values, and every lookup hash beside one, gathered from the
// platform and the features (as client-data.ts gathers client data). Re-encryption after a key
// rotation walks these; a test fails when a column named *_encrypted is missing.
import {
  accountEncryptedColumns,
  accountLookupColumns,
} from "./features/accounts/account-encrypted-columns.ts";
import { assessmentEncryptedColumns } from "./features/assessments/assessment-encrypted-columns.ts";
import {
  bookingEncryptedColumns,
  bookingLookupColumns,
} from "./features/booking/booking-encrypted-columns.ts";
import { calendarFeedEncryptedColumns } from "./features/booking/calendar-feeds/calendar-feed-encrypted-columns.ts";
import { subscriptionEncryptedColumns } from "./features/booking/subscription/subscription-encrypted-columns.ts";
import { cycleMapEncryptedColumns } from "./features/cycle-map/cycle-map-data.ts";
import { repairEncryptedColumns } from "./features/repair/repair-encrypted-columns.ts";
import { workspaceEncryptedColumns } from "./features/workspace/workspace-encrypted-columns.ts";
import {
  type EncryptedColumn,
  type LookupColumn,
  platformEncryptedColumns,
} from "./platform/security/encrypted-columns.ts";

export const encryptedColumns: EncryptedColumn[] = [
  ...platformEncryptedColumns,
  ...accountEncryptedColumns,
  ...workspaceEncryptedColumns,
  ...bookingEncryptedColumns,
  ...assessmentEncryptedColumns,
  ...calendarFeedEncryptedColumns,
  ...subscriptionEncryptedColumns,
  ...repairEncryptedColumns,
  ...cycleMapEncryptedColumns,
];

export const lookupColumns: LookupColumn[] = [...accountLookupColumns, ...bookingLookupColumns];
