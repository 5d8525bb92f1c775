import {
  boolean,
  doublePrecision,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import type { RiskSettings } from "../../../domain/governance.js";
import { organizations } from "../organizations/organizations.tables.js";

/**
 * World Bank governance figures, one row per country × dimension × year. Installation-wide
 * reference data (the same public figures for every organization), so deliberately without
 * `org_id`; organizations annotate countries through `country_overrides` instead.
 */
export const governanceIndicators = pgTable(
  "governance_indicators",
  {
    iso2: text("iso2").notNull(),
    indicator: text("indicator").notNull(),
    year: integer("year").notNull(),
    estimate: doublePrecision("estimate"),
    percentileRank: doublePrecision("percentile_rank"),
    stdErr: doublePrecision("std_err"),
    numSources: integer("num_sources"),
    pctLower: doublePrecision("pct_lower"),
    pctUpper: doublePrecision("pct_upper"),
    /** Which file the row came from, e.g. "bundled wgi-2015-2019.csv" or an import's file name. */
    source: text("source").notNull(),
    importedAt: timestamp("imported_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("governance_indicators_key").on(t.iso2, t.indicator, t.year)],
);

/** An organization's own view of a country, kept beside (never instead of) the source figures. */
export const countryOverrides = pgTable(
  "country_overrides",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    orgId: uuid("org_id")
      .notNull()
      .references(() => organizations.id),
    iso2: text("iso2").notNull(),
    internalRating: text("internal_rating"),
    sanctioned: boolean("sanctioned").notNull().default(false),
    sanctionsNote: text("sanctions_note"),
    travelWarning: text("travel_warning"),
    notes: text("notes"),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("country_overrides_org_iso2").on(t.orgId, t.iso2)],
);

/** An organization's risk-level weights and thresholds (absent → the documented defaults). */
export const countryRiskSettings = pgTable("country_risk_settings", {
  orgId: uuid("org_id")
    .primaryKey()
    .references(() => organizations.id),
  settings: jsonb("settings").$type<RiskSettings>().notNull(),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});
