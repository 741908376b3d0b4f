CREATE TABLE "cycle_halves" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"client_id" uuid NOT NULL,
	"couple_id" uuid NOT NULL,
	"half_encrypted" text NOT NULL,
	"shared_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "cycle_halves_client_id_unique" UNIQUE("client_id")
);
--> statement-breakpoint
CREATE TABLE "cycle_names" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"couple_id" uuid NOT NULL,
	"therapist_id" uuid NOT NULL,
	"name_encrypted" text NOT NULL,
	"named_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "cycle_names_couple_id_unique" UNIQUE("couple_id")
);
--> statement-breakpoint
ALTER TABLE "cycle_halves" ADD CONSTRAINT "cycle_halves_client_id_clients_id_fk" FOREIGN KEY ("client_id") REFERENCES "public"."clients"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cycle_halves" ADD CONSTRAINT "cycle_halves_couple_id_couples_id_fk" FOREIGN KEY ("couple_id") REFERENCES "public"."couples"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cycle_names" ADD CONSTRAINT "cycle_names_couple_id_couples_id_fk" FOREIGN KEY ("couple_id") REFERENCES "public"."couples"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cycle_names" ADD CONSTRAINT "cycle_names_therapist_id_therapists_id_fk" FOREIGN KEY ("therapist_id") REFERENCES "public"."therapists"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "cycle_halves_couple_idx" ON "cycle_halves" USING btree ("couple_id");