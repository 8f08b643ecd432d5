CREATE TABLE "doc_set_aside" (
	"session_id" uuid NOT NULL,
	"source" text NOT NULL,
	"seq" bigint NOT NULL,
	"reason" text NOT NULL,
	"state" "bytea",
	"set_aside_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "doc_set_aside_session_id_source_seq_pk" PRIMARY KEY("session_id","source","seq")
);
--> statement-breakpoint
ALTER TABLE "doc_snapshots" ADD COLUMN "verified" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "doc_set_aside" ADD CONSTRAINT "doc_set_aside_session_id_interview_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."interview_sessions"("id") ON DELETE cascade ON UPDATE no action;