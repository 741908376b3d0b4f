-- ===== Hand-written (record 072): keep this block whole when the migrations are renumbered. =====
-- The availability versions (0037) bumped once per changed row, in the order the rows came. A statement
-- touching two therapists' rows (the expiry sweep, a removal) could lock A's version then B's while
-- another locked B's then A's: a deadlock, one of them rolled back. Bumped once per statement instead,
-- for every therapist it touched in one sorted upsert, so any two statements lock versions in the same
-- order, and a statement changing fifty rows of one therapist bumps their version once, not fifty times.
-- The transition tables are named alike in every trigger, so one function serves all of them; the first
-- argument names the column holding the therapist's id.
CREATE FUNCTION "bump_availability_versions"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
	ids uuid[] := '{}';
BEGIN
	IF TG_OP <> 'INSERT' THEN
		ids := ids || ARRAY(SELECT (to_jsonb(o) ->> TG_ARGV[0])::uuid FROM "changed_before" o);
	END IF;
	IF TG_OP <> 'DELETE' THEN
		ids := ids || ARRAY(SELECT (to_jsonb(n) ->> TG_ARGV[0])::uuid FROM "changed_after" n);
	END IF;
	INSERT INTO "availability_versions" AS v ("therapist_id", "version")
		SELECT DISTINCT id, 1 FROM unnest(ids) AS id WHERE id IS NOT NULL
		ORDER BY 1
		ON CONFLICT ("therapist_id") DO UPDATE SET "version" = v."version" + 1;
	RETURN NULL;
END
$$;
--> statement-breakpoint
DROP TRIGGER "booking_settings_availability_version" ON "booking_settings";
--> statement-breakpoint
CREATE TRIGGER "booking_settings_versions_inserted" AFTER INSERT ON "booking_settings"
	REFERENCING NEW TABLE AS "changed_after"
	FOR EACH STATEMENT EXECUTE FUNCTION "bump_availability_versions"('therapist_id');
--> statement-breakpoint
CREATE TRIGGER "booking_settings_versions_updated" AFTER UPDATE ON "booking_settings"
	REFERENCING OLD TABLE AS "changed_before" NEW TABLE AS "changed_after"
	FOR EACH STATEMENT EXECUTE FUNCTION "bump_availability_versions"('therapist_id');
--> statement-breakpoint
CREATE TRIGGER "booking_settings_versions_deleted" AFTER DELETE ON "booking_settings"
	REFERENCING OLD TABLE AS "changed_before"
	FOR EACH STATEMENT EXECUTE FUNCTION "bump_availability_versions"('therapist_id');
--> statement-breakpoint
DROP TRIGGER "weekly_hours_availability_version" ON "weekly_hours";
--> statement-breakpoint
CREATE TRIGGER "weekly_hours_versions_inserted" AFTER INSERT ON "weekly_hours"
	REFERENCING NEW TABLE AS "changed_after"
	FOR EACH STATEMENT EXECUTE FUNCTION "bump_availability_versions"('therapist_id');
--> statement-breakpoint
CREATE TRIGGER "weekly_hours_versions_updated" AFTER UPDATE ON "weekly_hours"
	REFERENCING OLD TABLE AS "changed_before" NEW TABLE AS "changed_after"
	FOR EACH STATEMENT EXECUTE FUNCTION "bump_availability_versions"('therapist_id');
--> statement-breakpoint
CREATE TRIGGER "weekly_hours_versions_deleted" AFTER DELETE ON "weekly_hours"
	REFERENCING OLD TABLE AS "changed_before"
	FOR EACH STATEMENT EXECUTE FUNCTION "bump_availability_versions"('therapist_id');
--> statement-breakpoint
DROP TRIGGER "date_overrides_availability_version" ON "date_overrides";
--> statement-breakpoint
CREATE TRIGGER "date_overrides_versions_inserted" AFTER INSERT ON "date_overrides"
	REFERENCING NEW TABLE AS "changed_after"
	FOR EACH STATEMENT EXECUTE FUNCTION "bump_availability_versions"('therapist_id');
--> statement-breakpoint
CREATE TRIGGER "date_overrides_versions_updated" AFTER UPDATE ON "date_overrides"
	REFERENCING OLD TABLE AS "changed_before" NEW TABLE AS "changed_after"
	FOR EACH STATEMENT EXECUTE FUNCTION "bump_availability_versions"('therapist_id');
--> statement-breakpoint
CREATE TRIGGER "date_overrides_versions_deleted" AFTER DELETE ON "date_overrides"
	REFERENCING OLD TABLE AS "changed_before"
	FOR EACH STATEMENT EXECUTE FUNCTION "bump_availability_versions"('therapist_id');
--> statement-breakpoint
DROP TRIGGER "bookings_availability_version" ON "bookings";
--> statement-breakpoint
CREATE TRIGGER "bookings_versions_inserted" AFTER INSERT ON "bookings"
	REFERENCING NEW TABLE AS "changed_after"
	FOR EACH STATEMENT EXECUTE FUNCTION "bump_availability_versions"('therapist_id');
--> statement-breakpoint
CREATE TRIGGER "bookings_versions_updated" AFTER UPDATE ON "bookings"
	REFERENCING OLD TABLE AS "changed_before" NEW TABLE AS "changed_after"
	FOR EACH STATEMENT EXECUTE FUNCTION "bump_availability_versions"('therapist_id');
--> statement-breakpoint
CREATE TRIGGER "bookings_versions_deleted" AFTER DELETE ON "bookings"
	REFERENCING OLD TABLE AS "changed_before"
	FOR EACH STATEMENT EXECUTE FUNCTION "bump_availability_versions"('therapist_id');
--> statement-breakpoint
DROP TRIGGER "calendar_busy_times_availability_version" ON "calendar_busy_times";
--> statement-breakpoint
CREATE TRIGGER "calendar_busy_times_versions_inserted" AFTER INSERT ON "calendar_busy_times"
	REFERENCING NEW TABLE AS "changed_after"
	FOR EACH STATEMENT EXECUTE FUNCTION "bump_availability_versions"('therapist_id');
--> statement-breakpoint
CREATE TRIGGER "calendar_busy_times_versions_updated" AFTER UPDATE ON "calendar_busy_times"
	REFERENCING OLD TABLE AS "changed_before" NEW TABLE AS "changed_after"
	FOR EACH STATEMENT EXECUTE FUNCTION "bump_availability_versions"('therapist_id');
--> statement-breakpoint
CREATE TRIGGER "calendar_busy_times_versions_deleted" AFTER DELETE ON "calendar_busy_times"
	REFERENCING OLD TABLE AS "changed_before"
	FOR EACH STATEMENT EXECUTE FUNCTION "bump_availability_versions"('therapist_id');
--> statement-breakpoint
DROP TRIGGER "therapy_sessions_availability_version" ON "therapy_sessions";
--> statement-breakpoint
CREATE TRIGGER "therapy_sessions_versions_inserted" AFTER INSERT ON "therapy_sessions"
	REFERENCING NEW TABLE AS "changed_after"
	FOR EACH STATEMENT EXECUTE FUNCTION "bump_availability_versions"('therapist_id');
--> statement-breakpoint
CREATE TRIGGER "therapy_sessions_versions_updated" AFTER UPDATE ON "therapy_sessions"
	REFERENCING OLD TABLE AS "changed_before" NEW TABLE AS "changed_after"
	FOR EACH STATEMENT EXECUTE FUNCTION "bump_availability_versions"('therapist_id');
--> statement-breakpoint
CREATE TRIGGER "therapy_sessions_versions_deleted" AFTER DELETE ON "therapy_sessions"
	REFERENCING OLD TABLE AS "changed_before"
	FOR EACH STATEMENT EXECUTE FUNCTION "bump_availability_versions"('therapist_id');
-- The therapists' own trigger stays per row: a trigger on chosen columns (name and zone) cannot have
-- transition tables, and a therapist's row is changed one at a time.
-- ===== End of the hand-written block. =====
