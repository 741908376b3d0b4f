CREATE TABLE "opened_path_pieces" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"client_id" uuid NOT NULL,
	"piece_id" text NOT NULL,
	"opened_at" timestamp with time zone DEFAULT now() NOT NULL,
	"closed_at" timestamp with time zone,
	CONSTRAINT "opened_path_pieces_once" UNIQUE("client_id","piece_id")
);
--> statement-breakpoint
ALTER TABLE "opened_path_pieces" ADD CONSTRAINT "opened_path_pieces_client_id_clients_id_fk" FOREIGN KEY ("client_id") REFERENCES "public"."clients"("id") ON DELETE cascade ON UPDATE no action;