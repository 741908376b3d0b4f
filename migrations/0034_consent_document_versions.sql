CREATE TABLE "consent_document_versions" (
	"document_id" text NOT NULL,
	"version" text NOT NULL,
	"title" text NOT NULL,
	"markdown" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "consent_document_versions_document_id_version_pk" PRIMARY KEY("document_id","version")
);
