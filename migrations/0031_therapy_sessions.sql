CREATE TABLE "therapy_sessions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"therapist_id" uuid NOT NULL,
	"client_id" uuid,
	"couple_id" uuid,
	"status" text DEFAULT 'scheduled' NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"series_id" uuid NOT NULL,
	"sequence" integer DEFAULT 0 NOT NULL,
	"remind_at" timestamp with time zone,
	"reminder_sent_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"is_demo" boolean DEFAULT false NOT NULL,
	CONSTRAINT "therapy_sessions_times_check" CHECK ("therapy_sessions"."starts_at" < "therapy_sessions"."ends_at"),
	CONSTRAINT "therapy_sessions_for_whom_check" CHECK (("therapy_sessions"."client_id" is null) <> ("therapy_sessions"."couple_id" is null))
);
--> statement-breakpoint
ALTER TABLE "therapy_sessions" ADD CONSTRAINT "therapy_sessions_therapist_id_therapists_id_fk" FOREIGN KEY ("therapist_id") REFERENCES "public"."therapists"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "therapy_sessions" ADD CONSTRAINT "therapy_sessions_client_id_clients_id_fk" FOREIGN KEY ("client_id") REFERENCES "public"."clients"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "therapy_sessions" ADD CONSTRAINT "therapy_sessions_couple_id_couples_id_fk" FOREIGN KEY ("couple_id") REFERENCES "public"."couples"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "therapy_sessions_therapist_start_idx" ON "therapy_sessions" USING btree ("therapist_id","starts_at");--> statement-breakpoint
CREATE INDEX "therapy_sessions_client_idx" ON "therapy_sessions" USING btree ("client_id");--> statement-breakpoint
CREATE INDEX "therapy_sessions_couple_idx" ON "therapy_sessions" USING btree ("couple_id");--> statement-breakpoint
CREATE INDEX "therapy_sessions_remind_at_idx" ON "therapy_sessions" USING btree ("remind_at");--> statement-breakpoint
-- No double booking across consultations and sessions (decision record 055). Within sessions, an exclusion
-- constraint, as for consultations (record 009).
ALTER TABLE "therapy_sessions" ADD CONSTRAINT "therapy_sessions_no_overlap" EXCLUDE USING gist (
	"therapist_id" WITH =,
	tstzrange("starts_at", "ends_at", '[)') WITH &&
) WHERE ("status" = 'scheduled');
--> statement-breakpoint
-- Across the two tables no constraint can reach, so each table's trigger takes the therapist's row lock
-- (the lock the booking transaction takes, record 010) and then looks in the other table: two writers for
-- one therapist take turns, and the second sees the first's row. It fails with the exclusion constraint's
-- own SQLSTATE (23P01), so every caller already reads it as "that time was just taken".
CREATE FUNCTION "session_clashes_with_consultation"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	IF NEW."status" = 'scheduled' THEN
		PERFORM 1 FROM "therapists" WHERE "id" = NEW."therapist_id" FOR UPDATE;
		IF EXISTS (
			SELECT 1 FROM "bookings" b
			WHERE b."therapist_id" = NEW."therapist_id"
				AND b."status" IN ('requested', 'confirmed')
				AND tstzrange(b."blocked_from", b."blocked_until", '[)') && tstzrange(NEW."starts_at", NEW."ends_at", '[)')
		) THEN
			RAISE EXCEPTION 'session overlaps a consultation' USING ERRCODE = '23P01';
		END IF;
	END IF;
	RETURN NEW;
END
$$;
--> statement-breakpoint
CREATE TRIGGER "therapy_sessions_no_consultation_overlap" BEFORE INSERT OR UPDATE OF "status", "starts_at", "ends_at", "therapist_id"
	ON "therapy_sessions"
	FOR EACH ROW EXECUTE FUNCTION "session_clashes_with_consultation"();
--> statement-breakpoint
CREATE FUNCTION "consultation_clashes_with_session"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	IF NEW."status" IN ('requested', 'confirmed') THEN
		PERFORM 1 FROM "therapists" WHERE "id" = NEW."therapist_id" FOR UPDATE;
		IF EXISTS (
			SELECT 1 FROM "therapy_sessions" s
			WHERE s."therapist_id" = NEW."therapist_id"
				AND s."status" = 'scheduled'
				AND tstzrange(s."starts_at", s."ends_at", '[)') && tstzrange(NEW."blocked_from", NEW."blocked_until", '[)')
		) THEN
			RAISE EXCEPTION 'consultation overlaps a session' USING ERRCODE = '23P01';
		END IF;
	END IF;
	RETURN NEW;
END
$$;
--> statement-breakpoint
CREATE TRIGGER "bookings_no_session_overlap" BEFORE INSERT OR UPDATE OF "status", "blocked_from", "blocked_until", "therapist_id"
	ON "bookings"
	FOR EACH ROW EXECUTE FUNCTION "consultation_clashes_with_session"();
