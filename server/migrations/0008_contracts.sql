CREATE TABLE "contract_obligations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"contract_id" uuid NOT NULL,
	"title" text NOT NULL,
	"side" text NOT NULL,
	"due_date" date,
	"recurrence" text DEFAULT 'none' NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"evidence_note" text,
	"completed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "contract_reviews" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"contract_id" uuid NOT NULL,
	"outcome" text NOT NULL,
	"notes" text,
	"reviewed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"reviewer_id" uuid,
	"next_review_date" date
);
--> statement-breakpoint
CREATE TABLE "contract_services" (
	"contract_id" uuid NOT NULL,
	"service_id" uuid NOT NULL,
	CONSTRAINT "contract_services_contract_id_service_id_pk" PRIMARY KEY("contract_id","service_id")
);
--> statement-breakpoint
CREATE TABLE "contracts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"partner_id" uuid NOT NULL,
	"type" text NOT NULL,
	"title" text NOT NULL,
	"reference" text,
	"parent_id" uuid,
	"status" text NOT NULL,
	"start_date" date,
	"end_date" date,
	"auto_renewal" boolean DEFAULT false NOT NULL,
	"renewal_term_months" integer,
	"notice_period_days_ours" integer,
	"notice_period_days_theirs" integer,
	"notice_deadline" date,
	"value" numeric(15, 2),
	"currency" text,
	"governing_law" text,
	"clauses" jsonb NOT NULL,
	"review_interval_days" integer,
	"next_review_date" date,
	"has_exit_plan" boolean DEFAULT false NOT NULL,
	"exit_plan_summary" text,
	"exit_plan_last_tested_at" date,
	"owner_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "contract_obligations" ADD CONSTRAINT "contract_obligations_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contract_obligations" ADD CONSTRAINT "contract_obligations_contract_id_contracts_id_fk" FOREIGN KEY ("contract_id") REFERENCES "public"."contracts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contract_reviews" ADD CONSTRAINT "contract_reviews_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contract_reviews" ADD CONSTRAINT "contract_reviews_contract_id_contracts_id_fk" FOREIGN KEY ("contract_id") REFERENCES "public"."contracts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contract_reviews" ADD CONSTRAINT "contract_reviews_reviewer_id_users_id_fk" FOREIGN KEY ("reviewer_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contract_services" ADD CONSTRAINT "contract_services_contract_id_contracts_id_fk" FOREIGN KEY ("contract_id") REFERENCES "public"."contracts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contract_services" ADD CONSTRAINT "contract_services_service_id_partner_services_id_fk" FOREIGN KEY ("service_id") REFERENCES "public"."partner_services"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contracts" ADD CONSTRAINT "contracts_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contracts" ADD CONSTRAINT "contracts_partner_id_partners_id_fk" FOREIGN KEY ("partner_id") REFERENCES "public"."partners"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contracts" ADD CONSTRAINT "contracts_parent_id_contracts_id_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."contracts"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contracts" ADD CONSTRAINT "contracts_owner_id_users_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "contract_obligations_contract_idx" ON "contract_obligations" USING btree ("contract_id");--> statement-breakpoint
CREATE INDEX "contract_obligations_org_due_idx" ON "contract_obligations" USING btree ("org_id","status","due_date","id");--> statement-breakpoint
CREATE INDEX "contract_reviews_contract_idx" ON "contract_reviews" USING btree ("contract_id","reviewed_at");--> statement-breakpoint
CREATE INDEX "contract_services_service_idx" ON "contract_services" USING btree ("service_id");--> statement-breakpoint
CREATE INDEX "contracts_partner_idx" ON "contracts" USING btree ("partner_id");--> statement-breakpoint
CREATE INDEX "contracts_parent_idx" ON "contracts" USING btree ("parent_id");--> statement-breakpoint
CREATE INDEX "contracts_org_created_idx" ON "contracts" USING btree ("org_id","created_at","id");--> statement-breakpoint
CREATE INDEX "contracts_org_title_idx" ON "contracts" USING btree ("org_id",lower("title"),"id");--> statement-breakpoint
CREATE INDEX "contracts_org_end_sort_idx" ON "contracts" USING btree ("org_id",coalesce("end_date", '9999-12-31'::date),"id");--> statement-breakpoint
CREATE INDEX "contracts_org_notice_sort_idx" ON "contracts" USING btree ("org_id",coalesce("notice_deadline", '9999-12-31'::date),"id");