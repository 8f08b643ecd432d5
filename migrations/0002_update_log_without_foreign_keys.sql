ALTER TABLE "doc_updates" DROP CONSTRAINT "doc_updates_session_id_interview_sessions_id_fk";
--> statement-breakpoint
ALTER TABLE "doc_updates" DROP CONSTRAINT "doc_updates_user_id_users_id_fk";
