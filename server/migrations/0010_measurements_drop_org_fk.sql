ALTER TABLE "kpi_measurements" DROP CONSTRAINT "kpi_measurements_org_id_organizations_id_fk";
