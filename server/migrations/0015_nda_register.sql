CREATE TABLE "ndas" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"partner_id" uuid NOT NULL,
	"type" text NOT NULL,
	"scope" text NOT NULL,
	"effective_date" date NOT NULL,
	"expiry_date" date,
	"consequences" text,
	"signed_document_url" text,
	"document_id" uuid,
	"signatories" jsonb NOT NULL,
	"notes" text,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "ndas" ADD CONSTRAINT "ndas_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ndas" ADD CONSTRAINT "ndas_partner_id_partners_id_fk" FOREIGN KEY ("partner_id") REFERENCES "public"."partners"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ndas" ADD CONSTRAINT "ndas_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "ndas_partner_idx" ON "ndas" USING btree ("partner_id");--> statement-breakpoint
CREATE INDEX "ndas_org_expiry_idx" ON "ndas" USING btree ("org_id",coalesce("expiry_date", '9999-12-31'::date),"id");--> statement-breakpoint
CREATE INDEX "ndas_org_effective_idx" ON "ndas" USING btree ("org_id","effective_date","id");--> statement-breakpoint
CREATE INDEX "ndas_org_created_idx" ON "ndas" USING btree ("org_id","created_at","id");