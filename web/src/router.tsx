import type { QueryClient } from "@tanstack/react-query";
import {
  createRootRouteWithContext,
  createRoute,
  createRouter,
  lazyRouteComponent,
  Outlet,
  redirect,
} from "@tanstack/react-router";
import type { ComponentType } from "react";
import { isApiError } from "./api/client";
import { queryClient } from "./api/queryClient";
import { meQuery, setupQuery } from "./api/session";
import { FullPageError, FullPageLoader } from "./components/FullPage";
import { parseAssessmentsSearch } from "./routes/assessments/search";
import { parseAuditSearch } from "./routes/audit/search";
import { parseConcentrationSearch } from "./routes/concentration/search";
import { parseContractsSearch } from "./routes/contracts/search";
import { parseCountriesSearch } from "./routes/countries/search";
import { parseDocumentsSearch } from "./routes/documents/search";
import { parseKpisSearch } from "./routes/kpis/search";
import { NotFoundPage } from "./routes/NotFoundPage";
import { parseNdasSearch } from "./routes/ndas/search";
import { parsePartnersSearch } from "./routes/partners/search";
import { parseRisksSearch } from "./routes/risks/search";
import { AppLayout } from "./routes/shell/AppLayout";
import { parseSignalsSearch } from "./routes/signals/search";

// Code-based route tree. Page components load lazily (one chunk per area) so the first paint only
// ships the shell; search params are validated here so every page gets typed, sane values.

const rootRoute = createRootRouteWithContext<{ queryClient: QueryClient }>()({
  component: Outlet,
  notFoundComponent: () => <NotFoundPage />,
  errorComponent: FullPageError,
  pendingComponent: FullPageLoader,
});

const setupRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/setup",
  beforeLoad: async ({ context }) => {
    const setup = await context.queryClient.fetchQuery(setupQuery);
    if (!setup.needsSetup) throw redirect({ to: "/" });
  },
  component: lazyRouteComponent(() => import("./routes/auth/SetupPage"), "SetupPage"),
});

const signInRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/sign-in",
  validateSearch: (search: Record<string, unknown>): { redirect?: string } =>
    typeof search.redirect === "string" && search.redirect.startsWith("/")
      ? { redirect: search.redirect }
      : {},
  beforeLoad: async ({ context }) => {
    const setup = await context.queryClient.ensureQueryData(setupQuery);
    if (setup.needsSetup) throw redirect({ to: "/setup" });
  },
  component: lazyRouteComponent(() => import("./routes/auth/SignInPage"), "SignInPage"),
});

/** Everything behind sign-in: checks set-up and the session once, then renders the shell. */
const appRoute = createRoute({
  getParentRoute: () => rootRoute,
  id: "app",
  beforeLoad: async ({ context, location }) => {
    const setup = await context.queryClient.ensureQueryData(setupQuery);
    if (setup.needsSetup) throw redirect({ to: "/setup" });
    const me = await signedIn(context.queryClient, location.href);
    // Partner users have the portal, not the internal app.
    if (me.user.role === "partner") throw redirect({ to: "/portal" });
    return { me };
  },
  component: AppLayout,
});

/** The signed-in user, or a redirect to sign-in that comes back to `href`. */
async function signedIn(client: QueryClient, href: string) {
  try {
    return await client.ensureQueryData(meQuery);
  } catch (error) {
    if (isApiError(error, 401)) throw redirect({ to: "/sign-in", search: { redirect: href } });
    throw error;
  }
}

/** The partner portal: its own simplified layout, for partner users only. */
const portalRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/portal",
  beforeLoad: async ({ context, location }) => {
    const me = await signedIn(context.queryClient, location.href);
    if (me.user.role !== "partner") throw redirect({ to: "/" });
    return { me };
  },
  component: lazyRouteComponent(() => import("./routes/portal/PortalLayout"), "PortalLayout"),
});
const portalHomeRoute = createRoute({
  getParentRoute: () => portalRoute,
  path: "/",
  component: lazyRouteComponent(() => import("./routes/portal/PortalHomePage"), "PortalHomePage"),
});
export const portalAssessmentRoute = createRoute({
  getParentRoute: () => portalRoute,
  path: "/assessments/$assessmentId",
  component: lazyRouteComponent(() => import("./routes/portal/PortalAssessmentPage"), "PortalAssessmentPage"),
});

/** Public: accept a partner-user invitation (set a password). */
export const acceptInvitationRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/invitations/$token",
  component: lazyRouteComponent(() => import("./routes/auth/AcceptInvitationPage"), "AcceptInvitationPage"),
});

type Loader = () => Promise<Record<string, unknown>>;
const lazyPage = (load: Loader, name: string) =>
  lazyRouteComponent(load as () => Promise<Record<string, ComponentType>>, name);

const page = <const P extends string>(path: P, load: Loader, name: string) =>
  createRoute({ getParentRoute: () => appRoute, path, component: lazyPage(load, name) });

const dashboardRoute = page("/", () => import("./routes/dashboard/DashboardPage"), "DashboardPage");

export const partnersRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "/partners",
  validateSearch: parsePartnersSearch,
  component: lazyRouteComponent(() => import("./routes/partners/PartnersPage"), "PartnersPage"),
});

const newPartnerRoute = page(
  "/partners/new",
  () => import("./routes/partners/PartnerFormPage"),
  "NewPartnerPage",
);

const editPartnerRoute = page(
  "/partners/$partnerId/edit",
  () => import("./routes/partners/PartnerFormPage"),
  "EditPartnerPage",
);

export const partnerRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "/partners/$partnerId",
  component: lazyRouteComponent(() => import("./routes/partners/detail/PartnerLayout"), "PartnerLayout"),
});

const tab = <const P extends string>(path: P, load: Loader, name: string) =>
  createRoute({ getParentRoute: () => partnerRoute, path, component: lazyPage(load, name) });

const partnerTabs = [
  tab("/", () => import("./routes/partners/detail/OverviewTab"), "OverviewTab"),
  tab("/sites", () => import("./routes/partners/detail/SitesTab"), "SitesTab"),
  tab("/services", () => import("./routes/partners/detail/ServicesTab"), "ServicesTab"),
  tab("/contacts", () => import("./routes/partners/detail/ContactsTab"), "ContactsTab"),
  tab("/subcontractors", () => import("./routes/partners/detail/SubcontractorsTab"), "SubcontractorsTab"),
  tab("/overlap", () => import("./routes/partners/detail/OverlapTab"), "OverlapTab"),
  tab("/risk", () => import("./routes/partners/detail/RiskTab"), "RiskTab"),
  tab("/contracts", () => import("./routes/partners/detail/ContractsTab"), "ContractsTab"),
  tab("/scorecard", () => import("./routes/partners/detail/ScorecardTab"), "ScorecardTab"),
  tab("/assessments", () => import("./routes/partners/detail/AssessmentsTab"), "AssessmentsTab"),
  tab("/documents", () => import("./routes/partners/detail/DocumentsTab"), "DocumentsTab"),
  tab("/activity", () => import("./routes/partners/detail/ActivityTab"), "ActivityTab"),
];

export const risksRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "/risks",
  validateSearch: parseRisksSearch,
  component: lazyRouteComponent(() => import("./routes/risks/RisksPage"), "RisksPage"),
});

export const heatmapRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "/risks/heatmap",
  validateSearch: parseRisksSearch,
  component: lazyRouteComponent(() => import("./routes/risks/HeatmapPage"), "HeatmapPage"),
});

export const riskRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "/risks/$riskId",
  component: lazyRouteComponent(() => import("./routes/risks/detail/RiskPage"), "RiskPage"),
});

export const contractsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "/contracts",
  validateSearch: parseContractsSearch,
  component: lazyRouteComponent(() => import("./routes/contracts/ContractsPage"), "ContractsPage"),
});

export const ndasRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "/ndas",
  validateSearch: parseNdasSearch,
  component: lazyRouteComponent(() => import("./routes/ndas/NdasPage"), "NdasPage"),
});

export const documentsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "/documents",
  validateSearch: parseDocumentsSearch,
  component: lazyRouteComponent(() => import("./routes/documents/DocumentsPage"), "DocumentsPage"),
});
const traceRoute = page("/documents/trace", () => import("./routes/documents/TracePage"), "TracePage");

export const documentRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "/documents/$documentId",
  component: lazyRouteComponent(() => import("./routes/documents/DocumentPage"), "DocumentPage"),
});

const contractCalendarRoute = page(
  "/contracts/calendar",
  () => import("./routes/contracts/CalendarPage"),
  "CalendarPage",
);

export const contractRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "/contracts/$contractId",
  component: lazyRouteComponent(() => import("./routes/contracts/detail/ContractPage"), "ContractPage"),
});

export const kpisRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "/kpis",
  validateSearch: parseKpisSearch,
  component: lazyRouteComponent(() => import("./routes/kpis/KpisPage"), "KpisPage"),
});

const kpiUploadRoute = page("/kpis/upload", () => import("./routes/kpis/UploadPage"), "UploadPage");

export const kpiRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "/kpis/$kpiId",
  component: lazyRouteComponent(() => import("./routes/kpis/KpiPage"), "KpiPage"),
});

const questionnairesRoute = page(
  "/questionnaires",
  () => import("./routes/questionnaires/QuestionnairesPage"),
  "QuestionnairesPage",
);

export const questionnaireRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "/questionnaires/$templateId",
  component: lazyRouteComponent(() => import("./routes/questionnaires/TemplatePage"), "TemplatePage"),
});

export const assessmentsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "/assessments",
  validateSearch: parseAssessmentsSearch,
  component: lazyRouteComponent(() => import("./routes/assessments/AssessmentsPage"), "AssessmentsPage"),
});
export const assessmentRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "/assessments/$assessmentId",
  component: lazyRouteComponent(() => import("./routes/assessments/AssessmentPage"), "AssessmentPage"),
});

export const signalsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "/signals",
  validateSearch: parseSignalsSearch,
  component: lazyRouteComponent(() => import("./routes/signals/SignalsPage"), "SignalsPage"),
});

const riskSettingsRoute = page(
  "/admin/risk-settings",
  () => import("./routes/risks/settings/RiskSettingsPage"),
  "RiskSettingsPage",
);

const ourSitesRoute = page("/admin/sites", () => import("./routes/overlap/OurSitesPage"), "OurSitesPage");
const plannerRoute = page("/overlap", () => import("./routes/overlap/PlannerPage"), "PlannerPage");

const concentrationRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "/concentration",
  validateSearch: parseConcentrationSearch,
  component: lazyRouteComponent(
    () => import("./routes/concentration/ConcentrationPage"),
    "ConcentrationPage",
  ),
});

export const countriesRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "/countries",
  validateSearch: parseCountriesSearch,
  component: lazyRouteComponent(() => import("./routes/countries/CountriesPage"), "CountriesPage"),
});

export const countryRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "/countries/$code",
  component: lazyRouteComponent(() => import("./routes/countries/CountryPage"), "CountryPage"),
});

const usersRoute = page("/admin/users", () => import("./routes/users/UsersPage"), "UsersPage");
const tokensRoute = page(
  "/admin/api-tokens",
  () => import("./routes/api-tokens/ApiTokensPage"),
  "ApiTokensPage",
);

export const auditRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "/admin/audit",
  validateSearch: parseAuditSearch,
  component: lazyRouteComponent(() => import("./routes/audit/AuditPage"), "AuditPage"),
});

const accountRoute = page("/account", () => import("./routes/account/AccountPage"), "AccountPage");
const inboxRoute = page("/notifications", () => import("./routes/notifications/InboxPage"), "InboxPage");
const notificationSettingsRoute = page(
  "/account/notifications",
  () => import("./routes/notifications/PreferencesPage"),
  "PreferencesPage",
);
const webhooksRoute = page("/admin/webhooks", () => import("./routes/webhooks/WebhooksPage"), "WebhooksPage");

const routeTree = rootRoute.addChildren([
  setupRoute,
  signInRoute,
  acceptInvitationRoute,
  portalRoute.addChildren([portalHomeRoute, portalAssessmentRoute]),
  appRoute.addChildren([
    dashboardRoute,
    partnersRoute,
    newPartnerRoute,
    editPartnerRoute,
    partnerRoute.addChildren(partnerTabs),
    risksRoute,
    heatmapRoute,
    riskRoute,
    contractsRoute,
    contractCalendarRoute,
    contractRoute,
    ndasRoute,
    documentsRoute,
    traceRoute,
    documentRoute,
    kpisRoute,
    kpiUploadRoute,
    kpiRoute,
    questionnairesRoute,
    questionnaireRoute,
    assessmentsRoute,
    assessmentRoute,
    signalsRoute,
    riskSettingsRoute,
    ourSitesRoute,
    plannerRoute,
    concentrationRoute,
    countriesRoute,
    countryRoute,
    usersRoute,
    tokensRoute,
    auditRoute,
    accountRoute,
    inboxRoute,
    notificationSettingsRoute,
    webhooksRoute,
  ]),
]);

/** The app's router; the query client rides along in the context for `beforeLoad` checks. */
export const router = createRouter({
  routeTree,
  context: { queryClient },
  defaultPreload: "intent",
  defaultPreloadStaleTime: 0,
  defaultPendingMs: 150,
  defaultPendingComponent: FullPageLoader,
  scrollRestoration: true,
});

declare module "@tanstack/react-router" {
  interface Register {
    router: typeof router;
  }
}
