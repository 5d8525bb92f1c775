ALTER TABLE "assessment_evidence" ALTER COLUMN "content" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "assessment_evidence" ADD COLUMN "storage_key" text;--> statement-breakpoint
ALTER TABLE "assessment_evidence" ADD COLUMN "wrapped_data_key" text;--> statement-breakpoint
ALTER TABLE "assessment_evidence" ADD COLUMN "org_key_version" integer;