import { Grid, Skeleton } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { can } from "../../../api/session";
import { useMe } from "../../../api/useMe";
import { PageHeader } from "../../../components/PageHeader";
import { ErrorState, Forbidden } from "../../../components/States";
import { categoriesQuery, riskSettingsQuery } from "../queries";
import { CategoriesCard } from "./CategoriesCard";
import { SettingsCard } from "./SettingsCard";

/** Risk register settings: level thresholds, signal bounds and the category taxonomy. */
export function RiskSettingsPage() {
  const me = useMe();
  const allowed = can(me, "riskSettings", "read");
  const settings = useQuery({ ...riskSettingsQuery, enabled: allowed });
  const categories = useQuery({ ...categoriesQuery, enabled: allowed });
  if (!allowed) return <Forbidden />;
  const error = settings.error ?? categories.error;
  return (
    <>
      <PageHeader
        crumbs={[{ label: "Risk register", to: "/risks" }, { label: "Settings" }]}
        title="Risk settings"
        description="How scores become levels, what the signal rules look for, and the categories risks fall under."
      />
      {error ? (
        <ErrorState
          error={error}
          title="Could not load the settings"
          onRetry={() => {
            void settings.refetch();
            void categories.refetch();
          }}
        />
      ) : (
        <Grid gap="lg">
          <Grid.Col span={{ base: 12, lg: 7 }}>
            {settings.data ? (
              <SettingsCard settings={settings.data} canEdit={can(me, "riskSettings", "write")} />
            ) : (
              <Skeleton h={480} />
            )}
          </Grid.Col>
          <Grid.Col span={{ base: 12, lg: 5 }}>
            {categories.data ? (
              <CategoriesCard categories={categories.data.items} canEdit={can(me, "riskCategory", "write")} />
            ) : (
              <Skeleton h={480} />
            )}
          </Grid.Col>
        </Grid>
      )}
    </>
  );
}
