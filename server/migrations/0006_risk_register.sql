CREATE TABLE "controls" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"name" text NOT NULL,
	"type" text NOT NULL,
	"description" text,
	"owner_id" uuid,
	"effectiveness" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "risk_categories" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"key" text,
	"name" text NOT NULL,
	"description" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "risk_controls" (
	"org_id" uuid NOT NULL,
	"risk_id" uuid NOT NULL,
	"control_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "risk_controls_risk_id_control_id_pk" PRIMARY KEY("risk_id","control_id")
);
--> statement-breakpoint
CREATE TABLE "risk_register_settings" (
	"org_id" uuid PRIMARY KEY NOT NULL,
	"settings" jsonb NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "risk_reviews" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"risk_id" uuid NOT NULL,
	"reviewer_id" uuid,
	"notes" text NOT NULL,
	"reviewed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"next_review_date" date,
	"inherent_score" smallint NOT NULL,
	"residual_score" smallint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "risk_signals" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"rule" text NOT NULL,
	"subject_key" text NOT NULL,
	"partner_id" uuid,
	"service_id" uuid,
	"category_key" text NOT NULL,
	"title" text NOT NULL,
	"likelihood" smallint NOT NULL,
	"impact" smallint NOT NULL,
	"explanation" text NOT NULL,
	"facts" jsonb NOT NULL,
	"facts_hash" text NOT NULL,
	"status" text NOT NULL,
	"raised_at" timestamp with time zone DEFAULT now() NOT NULL,
	"evaluated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"resolved_at" timestamp with time zone,
	"decided_by_id" uuid,
	"decided_at" timestamp with time zone,
	"dismiss_reason" text,
	"risk_id" uuid
);
--> statement-breakpoint
CREATE TABLE "risk_tasks" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"risk_id" uuid NOT NULL,
	"title" text NOT NULL,
	"description" text,
	"assignee_id" uuid,
	"due_date" date,
	"status" text NOT NULL,
	"completed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "risks" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"title" text NOT NULL,
	"description" text,
	"category_id" uuid NOT NULL,
	"partner_id" uuid,
	"service_id" uuid,
	"owner_id" uuid,
	"inherent_likelihood" smallint NOT NULL,
	"inherent_impact" smallint NOT NULL,
	"residual_likelihood" smallint NOT NULL,
	"residual_impact" smallint NOT NULL,
	"inherent_score" smallint GENERATED ALWAYS AS ("risks"."inherent_likelihood" * "risks"."inherent_impact") STORED NOT NULL,
	"residual_score" smallint GENERATED ALWAYS AS ("risks"."residual_likelihood" * "risks"."residual_impact") STORED NOT NULL,
	"treatment" text NOT NULL,
	"status" text NOT NULL,
	"review_interval_days" integer,
	"next_review_date" date,
	"accepted_by_id" uuid,
	"accepted_at" timestamp with time zone,
	"acceptance_justification" text,
	"acceptance_expires_at" date,
	"signal_id" uuid,
	"closed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "partners" ADD COLUMN "risk_score" smallint DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "partners" ADD COLUMN "risk_tier" smallint DEFAULT 4 NOT NULL;--> statement-breakpoint
ALTER TABLE "controls" ADD CONSTRAINT "controls_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "controls" ADD CONSTRAINT "controls_owner_id_users_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "risk_categories" ADD CONSTRAINT "risk_categories_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "risk_controls" ADD CONSTRAINT "risk_controls_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "risk_controls" ADD CONSTRAINT "risk_controls_risk_id_risks_id_fk" FOREIGN KEY ("risk_id") REFERENCES "public"."risks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "risk_controls" ADD CONSTRAINT "risk_controls_control_id_controls_id_fk" FOREIGN KEY ("control_id") REFERENCES "public"."controls"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "risk_register_settings" ADD CONSTRAINT "risk_register_settings_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "risk_reviews" ADD CONSTRAINT "risk_reviews_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "risk_reviews" ADD CONSTRAINT "risk_reviews_risk_id_risks_id_fk" FOREIGN KEY ("risk_id") REFERENCES "public"."risks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "risk_reviews" ADD CONSTRAINT "risk_reviews_reviewer_id_users_id_fk" FOREIGN KEY ("reviewer_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "risk_signals" ADD CONSTRAINT "risk_signals_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "risk_signals" ADD CONSTRAINT "risk_signals_partner_id_partners_id_fk" FOREIGN KEY ("partner_id") REFERENCES "public"."partners"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "risk_signals" ADD CONSTRAINT "risk_signals_service_id_partner_services_id_fk" FOREIGN KEY ("service_id") REFERENCES "public"."partner_services"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "risk_signals" ADD CONSTRAINT "risk_signals_decided_by_id_users_id_fk" FOREIGN KEY ("decided_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "risk_signals" ADD CONSTRAINT "risk_signals_risk_id_risks_id_fk" FOREIGN KEY ("risk_id") REFERENCES "public"."risks"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "risk_tasks" ADD CONSTRAINT "risk_tasks_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "risk_tasks" ADD CONSTRAINT "risk_tasks_risk_id_risks_id_fk" FOREIGN KEY ("risk_id") REFERENCES "public"."risks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "risk_tasks" ADD CONSTRAINT "risk_tasks_assignee_id_users_id_fk" FOREIGN KEY ("assignee_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "risks" ADD CONSTRAINT "risks_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "risks" ADD CONSTRAINT "risks_category_id_risk_categories_id_fk" FOREIGN KEY ("category_id") REFERENCES "public"."risk_categories"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "risks" ADD CONSTRAINT "risks_partner_id_partners_id_fk" FOREIGN KEY ("partner_id") REFERENCES "public"."partners"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "risks" ADD CONSTRAINT "risks_service_id_partner_services_id_fk" FOREIGN KEY ("service_id") REFERENCES "public"."partner_services"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "risks" ADD CONSTRAINT "risks_owner_id_users_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "risks" ADD CONSTRAINT "risks_accepted_by_id_users_id_fk" FOREIGN KEY ("accepted_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "risks" ADD CONSTRAINT "risks_signal_id_risk_signals_id_fk" FOREIGN KEY ("signal_id") REFERENCES "public"."risk_signals"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "controls_org_name_idx" ON "controls" USING btree ("org_id",lower("name"));--> statement-breakpoint
CREATE UNIQUE INDEX "risk_categories_org_name_key" ON "risk_categories" USING btree ("org_id",lower("name"));--> statement-breakpoint
CREATE UNIQUE INDEX "risk_categories_org_key_key" ON "risk_categories" USING btree ("org_id","key") WHERE "risk_categories"."key" is not null;--> statement-breakpoint
CREATE INDEX "risk_controls_control_idx" ON "risk_controls" USING btree ("control_id");--> statement-breakpoint
CREATE INDEX "risk_reviews_risk_idx" ON "risk_reviews" USING btree ("risk_id","reviewed_at");--> statement-breakpoint
CREATE UNIQUE INDEX "risk_signals_subject_key" ON "risk_signals" USING btree ("org_id","rule","subject_key");--> statement-breakpoint
CREATE INDEX "risk_signals_org_status_idx" ON "risk_signals" USING btree ("org_id","status","raised_at");--> statement-breakpoint
CREATE INDEX "risk_signals_partner_idx" ON "risk_signals" USING btree ("partner_id");--> statement-breakpoint
CREATE INDEX "risk_tasks_risk_idx" ON "risk_tasks" USING btree ("risk_id");--> statement-breakpoint
CREATE INDEX "risk_tasks_org_due_idx" ON "risk_tasks" USING btree ("org_id","status","due_date");--> statement-breakpoint
CREATE INDEX "risks_org_residual_idx" ON "risks" USING btree ("org_id","residual_score","id");--> statement-breakpoint
CREATE INDEX "risks_org_inherent_idx" ON "risks" USING btree ("org_id","inherent_score","id");--> statement-breakpoint
CREATE INDEX "risks_org_created_idx" ON "risks" USING btree ("org_id","created_at","id");--> statement-breakpoint
CREATE INDEX "risks_org_updated_idx" ON "risks" USING btree ("org_id","updated_at","id");--> statement-breakpoint
CREATE INDEX "risks_org_title_idx" ON "risks" USING btree ("org_id",lower("title"),"id");--> statement-breakpoint
CREATE INDEX "risks_org_review_idx" ON "risks" USING btree ("org_id","next_review_date","id");--> statement-breakpoint
CREATE INDEX "risks_org_status_idx" ON "risks" USING btree ("org_id","status");--> statement-breakpoint
CREATE INDEX "risks_partner_idx" ON "risks" USING btree ("partner_id");--> statement-breakpoint
CREATE INDEX "risks_category_idx" ON "risks" USING btree ("category_id");--> statement-breakpoint
CREATE INDEX "partners_org_tier_idx" ON "partners" USING btree ("org_id","risk_tier","name");--> statement-breakpoint
-- Existing organizations get the built-in taxonomy; new ones get it from createOrganization().
INSERT INTO "risk_categories" ("org_id", "key", "name", "description")
SELECT o."id", c."key", c."name", c."description"
FROM "organizations" o
CROSS JOIN (VALUES
  ('loss_of_control', 'Loss of control', 'Less direct oversight of how the work is done, by whom and to what standard.'),
  ('communication_barriers', 'Communication barriers', 'Time-zone gaps, language and distance that slow or distort communication.'),
  ('cultural_differences', 'Cultural differences', 'Different working styles, expectations and business customs.'),
  ('data_security', 'Data security', 'Personal or confidential data exposed, lost or misused outside the organization.'),
  ('intellectual_property', 'Intellectual property', 'Specifications, code or know-how copied, leaked or claimed by others.'),
  ('quality', 'Quality', 'Work that misses agreed standards, service levels or deadlines.'),
  ('regulatory_compliance', 'Regulatory compliance', 'Laws and regulations breached in any country involved.'),
  ('political_economic_instability', 'Political & economic instability', 'Unrest, conflict, sanctions, currency or economic shocks where the partner works.'),
  ('misaligned_objectives', 'Misaligned objectives', 'The partner''s incentives pull away from ours.'),
  ('employee_morale', 'Employee morale', 'Our own staff''s uncertainty, resistance or loss of key people.'),
  ('concentration', 'Concentration', 'Too much critical work with one partner or in one country.'),
  ('exit_lock_in', 'Exit / lock-in', 'Dependence that makes leaving the partner slow, costly or impossible.')
) AS c("key", "name", "description");
