CREATE TABLE "measure_chart_shares" (
	"client_id" uuid NOT NULL,
	"instrument_id" text NOT NULL,
	"shared_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "measure_chart_shares_client_id_instrument_id_pk" PRIMARY KEY("client_id","instrument_id")
);
--> statement-breakpoint
ALTER TABLE "measure_chart_shares" ADD CONSTRAINT "measure_chart_shares_client_id_clients_id_fk" FOREIGN KEY ("client_id") REFERENCES "public"."clients"("id") ON DELETE cascade ON UPDATE no action;