CREATE TABLE "injuries" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"couple_id" uuid NOT NULL,
	"therapist_id" uuid NOT NULL,
	"name_encrypted" text NOT NULL,
	"who_was_hurt" text NOT NULL,
	"hurt_client_id" uuid,
	"status" text DEFAULT 'active' NOT NULL,
	"story_opened_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "injury_marks" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"injury_id" uuid NOT NULL,
	"therapist_id" uuid NOT NULL,
	"step" integer NOT NULL,
	"observed_on" date NOT NULL,
	"note_encrypted" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "injury_marks_step_range" CHECK ("injury_marks"."step" between 1 and 8)
);
--> statement-breakpoint
CREATE TABLE "injury_suggestions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"client_id" uuid NOT NULL,
	"therapist_id" uuid NOT NULL,
	"body_encrypted" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "opened_pieces" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"injury_id" uuid NOT NULL,
	"client_id" uuid NOT NULL,
	"piece_id" text NOT NULL,
	"opened_at" timestamp with time zone DEFAULT now() NOT NULL,
	"closed_at" timestamp with time zone,
	CONSTRAINT "opened_pieces_once" UNIQUE("injury_id","client_id","piece_id")
);
--> statement-breakpoint
CREATE TABLE "story_versions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"injury_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"author_client_id" uuid,
	"body_encrypted" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "story_versions_one_per_number" UNIQUE("injury_id","version")
);
--> statement-breakpoint
ALTER TABLE "workspace_entries" ADD COLUMN "injury_id" uuid;--> statement-breakpoint
ALTER TABLE "workspace_entries" ADD COLUMN "piece_id" text;--> statement-breakpoint
ALTER TABLE "workspace_entries" ADD COLUMN "question_id" text;--> statement-breakpoint
ALTER TABLE "workspace_entries" ADD COLUMN "reply_to_entry_id" uuid;--> statement-breakpoint
ALTER TABLE "injuries" ADD CONSTRAINT "injuries_couple_id_couples_id_fk" FOREIGN KEY ("couple_id") REFERENCES "public"."couples"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "injuries" ADD CONSTRAINT "injuries_therapist_id_therapists_id_fk" FOREIGN KEY ("therapist_id") REFERENCES "public"."therapists"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "injuries" ADD CONSTRAINT "injuries_hurt_client_id_clients_id_fk" FOREIGN KEY ("hurt_client_id") REFERENCES "public"."clients"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "injury_marks" ADD CONSTRAINT "injury_marks_injury_id_injuries_id_fk" FOREIGN KEY ("injury_id") REFERENCES "public"."injuries"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "injury_marks" ADD CONSTRAINT "injury_marks_therapist_id_therapists_id_fk" FOREIGN KEY ("therapist_id") REFERENCES "public"."therapists"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "injury_suggestions" ADD CONSTRAINT "injury_suggestions_client_id_clients_id_fk" FOREIGN KEY ("client_id") REFERENCES "public"."clients"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "injury_suggestions" ADD CONSTRAINT "injury_suggestions_therapist_id_therapists_id_fk" FOREIGN KEY ("therapist_id") REFERENCES "public"."therapists"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "opened_pieces" ADD CONSTRAINT "opened_pieces_injury_id_injuries_id_fk" FOREIGN KEY ("injury_id") REFERENCES "public"."injuries"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "opened_pieces" ADD CONSTRAINT "opened_pieces_client_id_clients_id_fk" FOREIGN KEY ("client_id") REFERENCES "public"."clients"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "story_versions" ADD CONSTRAINT "story_versions_injury_id_injuries_id_fk" FOREIGN KEY ("injury_id") REFERENCES "public"."injuries"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "story_versions" ADD CONSTRAINT "story_versions_author_client_id_clients_id_fk" FOREIGN KEY ("author_client_id") REFERENCES "public"."clients"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "injuries_couple_idx" ON "injuries" USING btree ("couple_id");--> statement-breakpoint
CREATE INDEX "injury_marks_injury_idx" ON "injury_marks" USING btree ("injury_id");--> statement-breakpoint
CREATE INDEX "injury_suggestions_client_idx" ON "injury_suggestions" USING btree ("client_id");--> statement-breakpoint
ALTER TABLE "workspace_entries" ADD CONSTRAINT "workspace_entries_injury_id_injuries_id_fk" FOREIGN KEY ("injury_id") REFERENCES "public"."injuries"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "workspace_entries" ADD CONSTRAINT "workspace_entries_reply_to_entry_id_workspace_entries_id_fk" FOREIGN KEY ("reply_to_entry_id") REFERENCES "public"."workspace_entries"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "workspace_entries_reply_idx" ON "workspace_entries" USING btree ("reply_to_entry_id");