CREATE TABLE "availability_versions" (
	"therapist_id" uuid PRIMARY KEY NOT NULL,
	"version" bigint DEFAULT 1 NOT NULL
);
--> statement-breakpoint
-- ===== Hand-written (record 061): keep this block whole when the migrations are renumbered. =====
-- Every change to what a therapist offers bumps their availability version, whatever code or instance
-- made it, so the times page's cache (availability-cache.ts) asks one small question per request. The
-- first argument names the column holding the therapist's id. Writers that book or change hours take the
-- therapist's row lock first (lock-therapist.ts, and the session/consultation triggers of 0031), so this
-- row is always locked after it: no new lock order, no deadlock.
CREATE FUNCTION "bump_availability_version"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
	ids uuid[] := '{}';
BEGIN
	IF TG_OP <> 'INSERT' THEN ids := ids || (to_jsonb(OLD) ->> TG_ARGV[0])::uuid; END IF;
	IF TG_OP <> 'DELETE' THEN ids := ids || (to_jsonb(NEW) ->> TG_ARGV[0])::uuid; END IF;
	INSERT INTO "availability_versions" AS v ("therapist_id", "version")
		SELECT DISTINCT id, 1 FROM unnest(ids) AS id WHERE id IS NOT NULL
		ORDER BY 1
		ON CONFLICT ("therapist_id") DO UPDATE SET "version" = v."version" + 1;
	RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER "therapists_availability_version" AFTER INSERT OR DELETE OR UPDATE OF "display_name", "time_zone"
	ON "therapists" FOR EACH ROW EXECUTE FUNCTION "bump_availability_version"('id');
--> statement-breakpoint
CREATE TRIGGER "booking_settings_availability_version" AFTER INSERT OR UPDATE OR DELETE
	ON "booking_settings" FOR EACH ROW EXECUTE FUNCTION "bump_availability_version"('therapist_id');
--> statement-breakpoint
CREATE TRIGGER "weekly_hours_availability_version" AFTER INSERT OR UPDATE OR DELETE
	ON "weekly_hours" FOR EACH ROW EXECUTE FUNCTION "bump_availability_version"('therapist_id');
--> statement-breakpoint
CREATE TRIGGER "date_overrides_availability_version" AFTER INSERT OR UPDATE OR DELETE
	ON "date_overrides" FOR EACH ROW EXECUTE FUNCTION "bump_availability_version"('therapist_id');
--> statement-breakpoint
CREATE TRIGGER "bookings_availability_version" AFTER INSERT OR UPDATE OR DELETE
	ON "bookings" FOR EACH ROW EXECUTE FUNCTION "bump_availability_version"('therapist_id');
--> statement-breakpoint
CREATE TRIGGER "calendar_busy_times_availability_version" AFTER INSERT OR UPDATE OR DELETE
	ON "calendar_busy_times" FOR EACH ROW EXECUTE FUNCTION "bump_availability_version"('therapist_id');
--> statement-breakpoint
CREATE TRIGGER "therapy_sessions_availability_version" AFTER INSERT OR UPDATE OR DELETE
	ON "therapy_sessions" FOR EACH ROW EXECUTE FUNCTION "bump_availability_version"('therapist_id');
-- ===== End of the hand-written block. =====
