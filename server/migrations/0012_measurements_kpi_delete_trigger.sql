-- kpi_measurements.kpi_id has no foreign key any more (0011: its per-row check halved bulk
-- ingestion). What its ON DELETE CASCADE did is done here, once per statement rather than once per
-- row: whatever deletes KPIs (a KPI, or the cascade from its contract, partner or organization)
-- deletes their measurements in the same transaction. Writers of measurements hold the KPI under
-- a KEY SHARE lock until they commit, so no measurement of a deleted KPI can be added afterwards.
CREATE OR REPLACE FUNCTION kpi_measurements_of_deleted_kpis() RETURNS trigger AS $$
BEGIN
  DELETE FROM kpi_measurements m USING gone g WHERE m.kpi_id = g.id;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER kpis_delete_measurements AFTER DELETE ON kpis
  REFERENCING OLD TABLE AS gone
  FOR EACH STATEMENT EXECUTE FUNCTION kpi_measurements_of_deleted_kpis();
