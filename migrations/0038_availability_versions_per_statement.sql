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
-- Three triggers a table (transition tables are allowed only on a trigger of one event), each named for its
-- table and event, in place of 0037's trigger per row.
DO $$
DECLARE
	t text;
BEGIN
	FOREACH t IN ARRAY ARRAY['booking_settings', 'weekly_hours', 'date_overrides', 'bookings',
		'calendar_busy_times', 'therapy_sessions']
	LOOP
		EXECUTE format('DROP TRIGGER %I ON %I', t || '_availability_version', t);
		EXECUTE format('CREATE TRIGGER %I AFTER INSERT ON %I REFERENCING NEW TABLE AS "changed_after" '
			'FOR EACH STATEMENT EXECUTE FUNCTION "bump_availability_versions"(''therapist_id'')',
			t || '_versions_inserted', t);
		EXECUTE format('CREATE TRIGGER %I AFTER UPDATE ON %I '
			'REFERENCING OLD TABLE AS "changed_before" NEW TABLE AS "changed_after" '
			'FOR EACH STATEMENT EXECUTE FUNCTION "bump_availability_versions"(''therapist_id'')',
			t || '_versions_updated', t);
		EXECUTE format('CREATE TRIGGER %I AFTER DELETE ON %I REFERENCING OLD TABLE AS "changed_before" '
			'FOR EACH STATEMENT EXECUTE FUNCTION "bump_availability_versions"(''therapist_id'')',
			t || '_versions_deleted', t);
	END LOOP;
END
$$;
-- The therapists' own trigger stays per row: a trigger on chosen columns (name and zone) cannot have
-- transition tables, and a therapist's row is changed one at a time.
-- ===== End of the hand-written block. =====
