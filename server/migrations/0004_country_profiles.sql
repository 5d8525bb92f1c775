CREATE TABLE "country_overrides" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"iso2" text NOT NULL,
	"internal_rating" text,
	"sanctioned" boolean DEFAULT false NOT NULL,
	"sanctions_note" text,
	"travel_warning" text,
	"notes" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "country_risk_settings" (
	"org_id" uuid PRIMARY KEY NOT NULL,
	"settings" jsonb NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "governance_indicators" (
	"iso2" text NOT NULL,
	"indicator" text NOT NULL,
	"year" integer NOT NULL,
	"estimate" double precision,
	"percentile_rank" double precision,
	"std_err" double precision,
	"num_sources" integer,
	"pct_lower" double precision,
	"pct_upper" double precision,
	"source" text NOT NULL,
	"imported_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "country_overrides" ADD CONSTRAINT "country_overrides_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "country_risk_settings" ADD CONSTRAINT "country_risk_settings_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "country_overrides_org_iso2" ON "country_overrides" USING btree ("org_id","iso2");--> statement-breakpoint
CREATE UNIQUE INDEX "governance_indicators_key" ON "governance_indicators" USING btree ("iso2","indicator","year");