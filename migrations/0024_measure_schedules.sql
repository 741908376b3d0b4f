CREATE TABLE "measure_schedules" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"client_id" uuid NOT NULL,
	"therapist_id" uuid NOT NULL,
	"instrument_id" text NOT NULL,
	"weekday" integer NOT NULL,
	"results_shown_to_client" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"stopped_at" timestamp with time zone,
	CONSTRAINT "measure_schedule_weekday" CHECK ("measure_schedules"."weekday" BETWEEN 1 AND 7)
);
--> statement-breakpoint
ALTER TABLE "measure_assignments" ADD COLUMN "schedule_id" uuid;--> statement-breakpoint
ALTER TABLE "measure_schedules" ADD CONSTRAINT "measure_schedules_client_id_clients_id_fk" FOREIGN KEY ("client_id") REFERENCES "public"."clients"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "measure_schedules" ADD CONSTRAINT "measure_schedules_therapist_id_therapists_id_fk" FOREIGN KEY ("therapist_id") REFERENCES "public"."therapists"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "measure_schedules_client_idx" ON "measure_schedules" USING btree ("client_id");--> statement-breakpoint
CREATE UNIQUE INDEX "measure_schedules_running_once" ON "measure_schedules" USING btree ("client_id","instrument_id") WHERE "measure_schedules"."stopped_at" IS NULL;--> statement-breakpoint
ALTER TABLE "measure_assignments" ADD CONSTRAINT "measure_assignments_schedule_id_measure_schedules_id_fk" FOREIGN KEY ("schedule_id") REFERENCES "public"."measure_schedules"("id") ON DELETE set null ON UPDATE no action;