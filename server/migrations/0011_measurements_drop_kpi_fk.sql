ALTER TABLE "kpi_measurements" DROP CONSTRAINT "kpi_measurements_kpi_id_kpis_id_fk";
