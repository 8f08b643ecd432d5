CREATE TABLE "recording_keyframes" (
	"session_id" uuid NOT NULL,
	"at_ms" bigint NOT NULL,
	"seq" bigint NOT NULL,
	"state" "bytea" NOT NULL,
	CONSTRAINT "recording_keyframes_session_id_seq_pk" PRIMARY KEY("session_id","seq")
);
--> statement-breakpoint
CREATE TABLE "recording_updates" (
	"session_id" uuid NOT NULL,
	"seq" bigint NOT NULL,
	"at_ms" bigint NOT NULL,
	CONSTRAINT "recording_updates_session_id_seq_pk" PRIMARY KEY("session_id","seq")
);
--> statement-breakpoint
CREATE TABLE "recordings" (
	"session_id" uuid PRIMARY KEY NOT NULL,
	"status" text DEFAULT 'queued' NOT NULL,
	"progress" integer DEFAULT 0 NOT NULL,
	"error" text,
	"requested_at" timestamp with time zone DEFAULT now() NOT NULL,
	"built_at" timestamp with time zone,
	"duration_ms" bigint DEFAULT 0 NOT NULL,
	"started_at" timestamp (3) with time zone,
	"timeline_seq" integer DEFAULT 0 NOT NULL,
	"steps" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"markers" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"stats" jsonb,
	"participants" jsonb DEFAULT '[]'::jsonb NOT NULL
);
--> statement-breakpoint
ALTER TABLE "recording_keyframes" ADD CONSTRAINT "recording_keyframes_session_id_recordings_session_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."recordings"("session_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recording_updates" ADD CONSTRAINT "recording_updates_session_id_recordings_session_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."recordings"("session_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recordings" ADD CONSTRAINT "recordings_session_id_interview_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."interview_sessions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "recording_keyframes_at_idx" ON "recording_keyframes" USING btree ("session_id","at_ms");--> statement-breakpoint
CREATE INDEX "recording_updates_at_idx" ON "recording_updates" USING btree ("session_id","at_ms");--> statement-breakpoint
CREATE INDEX "recordings_unfinished_idx" ON "recordings" USING btree ("status") WHERE "recordings"."status" in ('queued', 'processing');--> statement-breakpoint
-- Sessions that ended before recordings existed get one too: the worker's sweep builds them.
INSERT INTO "recordings" ("session_id", "status") SELECT "id", 'queued' FROM "interview_sessions" WHERE "status" = 'ended';
