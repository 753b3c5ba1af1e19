import type { QueryClient } from "@tanstack/react-query";
import {
  createRootRouteWithContext,
  createRoute,
  createRouter,
  notFound,
  Outlet,
  redirect,
} from "@tanstack/react-router";

import { setupGetSetupStatusOptions, meGetMeOptions } from "./api/gen/@tanstack/react-query.gen";
import { tokenStore } from "./lib/auth/tokens";
import { toApiProblem } from "./lib/problem";
import { safeRedirect } from "./lib/redirect";
import { NotFoundPage, PendingPage, RouteErrorPage } from "./components/StatusPages";
import { LoginPage } from "./features/auth/LoginPage";
import { SsoCallbackPage } from "./features/sso/SsoCallbackPage";
import { SetupPage } from "./features/auth/SetupPage";
import { OrgLayout } from "./components/shell/OrgLayout";
import { OrgsPage } from "./features/orgs/OrgsPage";
import { OrgSettingsPage } from "./features/orgs/OrgSettingsPage";
import { DashboardPage } from "./features/readiness/DashboardPage";
import { MembersPage } from "./features/members/MembersPage";
import { IntegrationsPage } from "./features/integrations/IntegrationsPage";
import { ItsmRecordsPage } from "./features/itsm/ItsmRecordsPage";
import { AcceptInvitationPage } from "./features/members/AcceptInvitationPage";
import { ActivityPage } from "./features/activity/ActivityPage";
import { RequirementsPage } from "./features/requirements/RequirementsPage";
import { RequirementDetailPage } from "./features/requirements/RequirementDetailPage";
import { validateRequirementsSearch } from "./features/requirements/search";
import { EvidencePage } from "./features/evidence/EvidencePage";
import { EvidenceDetailPage } from "./features/evidence/EvidenceDetailPage";
import { validateEvidenceSearch } from "./features/evidence/search";
import { AuditsPage } from "./features/audits/AuditsPage";
import { FindingsPage } from "./features/findings/FindingsPage";
import { AuditDetailPage } from "./features/audits/AuditDetailPage";
import { AuditReportPage } from "./features/audits/AuditReportPage";
import { ProgrammesPage } from "./features/audits/ProgrammesPage";
import { CoveragePage } from "./features/audits/CoveragePage";
import { FindingDetailPage } from "./features/findings/FindingDetailPage";
import { validateFindingsSearch } from "./features/findings/search";
import { validateItsmRecordsSearch } from "./features/itsm/search";
import { ApiTokensPage } from "./features/tokens/ApiTokensPage";
import { CorrectiveMeasuresPage } from "./features/corrective_measures/CorrectiveMeasuresPage";
import { CorrectiveMeasureDetailPage } from "./features/corrective_measures/CorrectiveMeasureDetailPage";
import { validateMeasuresSearch } from "./features/corrective_measures/search";
import { ManagementReviewsPage } from "./features/management_reviews/ManagementReviewsPage";
import { ManagementReviewDetailPage } from "./features/management_reviews/ManagementReviewDetailPage";
import { TrainingPage } from "./features/training/TrainingPage";
import { ObjectivesPage } from "./features/objectives/ObjectivesPage";
import { CustomersPage } from "./features/services/CustomersPage";
import { ServiceDetailPage } from "./features/services/ServiceDetailPage";
import { ServicesPage } from "./features/services/ServicesPage";
import { AgreementsPage } from "./features/suppliers/AgreementsPage";
import { SupplierDetailPage } from "./features/suppliers/SupplierDetailPage";
import { SuppliersPage } from "./features/suppliers/SuppliersPage";
import { RisksPage } from "./features/risks/RisksPage";
import { ConfigurationPage } from "./features/configuration/ConfigurationPage";
import { ContinuityPage } from "./features/continuity/ContinuityPage";
import { ContinuityPlanPage } from "./features/continuity/ContinuityPlanPage";
import { ServiceReportsPage } from "./features/service_reports/ServiceReportsPage";
import { ServiceReportDefinitionPage } from "./features/service_reports/ServiceReportDefinitionPage";
import { ContextPage } from "./features/context/ContextPage";
import { TwoFactorPage } from "./features/account/TwoFactorPage";
import { ChangePasswordPage } from "./features/password/ChangePasswordPage";
import { ForgotPasswordPage } from "./features/password/ForgotPasswordPage";
import { ResetPasswordForm } from "./features/password/ResetPasswordPage";
import { AuditRoomPage } from "./features/audit_room/AuditRoomPage";
import { landingSection } from "./components/shell/sections";
import type { Role } from "./api/gen/types.gen";

export interface RouterContext {
  queryClient: QueryClient;
}

const rootRoute = createRootRouteWithContext<RouterContext>()({
  component: Outlet,
  notFoundComponent: NotFoundPage,
  errorComponent: RouteErrorPage,
});

/** `/`: first run → /setup; no session → /login; else the first organisation's dashboard. */
const indexRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/",
  beforeLoad: async ({ context: { queryClient } }) => {
    const setup = await queryClient.fetchQuery({ ...setupGetSetupStatusOptions(), staleTime: 0 });
    if (setup.needed) throw redirect({ to: "/setup" });
    if (!tokenStore.get()) throw redirect({ to: "/login" });
    let firstOrg: string | undefined;
    let firstRole: Role | undefined;
    try {
      const me = await queryClient.fetchQuery(meGetMeOptions());
      firstOrg = me.memberships[0]?.org_slug;
      firstRole = me.memberships[0]?.role;
    } catch (error) {
      if (toApiProblem(error).status === 401) throw redirect({ to: "/login" });
      throw error;
    }
    if (!firstOrg) throw redirect({ to: "/orgs" });
    throw redirect({ to: `/orgs/$org/${landingSection(firstRole)}`, params: { org: firstOrg } });
  },
});

const setupRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "setup",
  beforeLoad: async ({ context: { queryClient } }) => {
    const setup = await queryClient.fetchQuery({ ...setupGetSetupStatusOptions(), staleTime: 0 });
    if (!setup.needed) throw redirect({ to: "/login" });
  },
  component: SetupPage,
});

export type LoginNotice = "password-changed";

export interface LoginSearch {
  redirect?: string;
  /** A message to show above the form (after a password change ended every session). */
  notice?: LoginNotice;
}

export const loginRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "login",
  validateSearch: (search: Record<string, unknown>): LoginSearch => {
    const target = safeRedirect(search.redirect);
    return {
      ...(target ? { redirect: target } : {}),
      ...(search.notice === "password-changed" ? { notice: "password-changed" as const } : {}),
    };
  },
  beforeLoad: async ({ context: { queryClient } }) => {
    const setup = await queryClient.fetchQuery({ ...setupGetSetupStatusOptions(), staleTime: 10_000 });
    if (setup.needed) throw redirect({ to: "/setup" });
  },
  component: LoginPage,
});

/** `/sso/callback`: where the API's OpenID Connect callback sends the browser (issue 17). */
const ssoCallbackRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "sso/callback",
  component: SsoCallbackPage,
});

/** `/forgot-password`: ask for a reset link by e-mail (issue 17). */
const forgotPasswordRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "forgot-password",
  component: ForgotPasswordPage,
});

/** `/reset-password?token=…`: the e-mailed reset link. */
const resetPasswordRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "reset-password",
  validateSearch: (search: Record<string, unknown>): { token?: string } =>
    typeof search.token === "string" ? { token: search.token } : {},
  component: function ResetPasswordRoute() {
    const { token } = resetPasswordRoute.useSearch();
    return <ResetPasswordForm token={token ?? ""} />;
  },
});

/** `/invite/<token>`: the holder of an invitation link accepts it (signed in or not). */
const inviteRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "invite/$token",
  component: AcceptInvitationPage,
});

/** Everything below needs a session; /me is loaded once here for all of it. */
const authedRoute = createRoute({
  getParentRoute: () => rootRoute,
  id: "_authed",
  beforeLoad: async ({ context: { queryClient }, location }) => {
    if (!tokenStore.get()) throw redirect({ to: "/login", search: { redirect: location.href } });
    try {
      await queryClient.ensureQueryData(meGetMeOptions());
    } catch (error) {
      if (toApiProblem(error).status === 401) {
        throw redirect({ to: "/login", search: { redirect: location.href } });
      }
      throw error;
    }
  },
  component: Outlet,
});

const twoFactorRoute = createRoute({
  getParentRoute: () => authedRoute,
  path: "account/two-factor",
  component: TwoFactorPage,
});

const changePasswordRoute = createRoute({
  getParentRoute: () => authedRoute,
  path: "account/password",
  component: ChangePasswordPage,
});

const orgsRoute = createRoute({
  getParentRoute: () => authedRoute,
  path: "orgs",
  component: OrgsPage,
});

export const orgRoute = createRoute({
  getParentRoute: () => authedRoute,
  path: "orgs/$org",
  beforeLoad: async ({ context: { queryClient }, params }) => {
    const me = await queryClient.ensureQueryData(meGetMeOptions());
    // Not a member: the API answers 404 for it too, never reveal that it exists.
    if (!me.memberships.some((m) => m.org_slug === params.org)) throw notFound();
  },
  component: OrgLayout,
});

const orgIndexRoute = createRoute({
  getParentRoute: () => orgRoute,
  path: "/",
  beforeLoad: async ({ context: { queryClient }, params }) => {
    const me = await queryClient.ensureQueryData(meGetMeOptions());
    const role = me.memberships.find((m) => m.org_slug === params.org)?.role;
    throw redirect({ to: `/orgs/$org/${landingSection(role)}`, params });
  },
});

function section<const TPath extends string>(path: TPath, component: () => React.ReactNode) {
  return createRoute({ getParentRoute: () => orgRoute, path, component });
}

const requirementsRoute = createRoute({
  getParentRoute: () => orgRoute,
  path: "requirements",
  validateSearch: validateRequirementsSearch,
  component: RequirementsPage,
});

const requirementDetailRoute = createRoute({
  getParentRoute: () => orgRoute,
  path: "requirements/$ref",
  component: RequirementDetailPage,
});

const evidenceRoute = createRoute({
  getParentRoute: () => orgRoute,
  path: "evidence",
  validateSearch: validateEvidenceSearch,
  component: EvidencePage,
});

const evidenceDetailRoute = createRoute({
  getParentRoute: () => orgRoute,
  path: "evidence/$evidenceId",
  component: EvidenceDetailPage,
});

const correctiveMeasuresRoute = createRoute({
  getParentRoute: () => orgRoute,
  path: "corrective-measures",
  validateSearch: validateMeasuresSearch,
  component: CorrectiveMeasuresPage,
});

const itsmRecordsRoute = createRoute({
  getParentRoute: () => orgRoute,
  path: "itsm-records",
  validateSearch: validateItsmRecordsSearch,
  component: ItsmRecordsPage,
});

const findingsRoute = createRoute({
  getParentRoute: () => orgRoute,
  path: "findings",
  validateSearch: validateFindingsSearch,
  component: FindingsPage,
});

const routeTree = rootRoute.addChildren([
  indexRoute,
  setupRoute,
  loginRoute,
  ssoCallbackRoute,
  inviteRoute,
  forgotPasswordRoute,
  resetPasswordRoute,
  authedRoute.addChildren([
    orgsRoute,
    twoFactorRoute,
    changePasswordRoute,
    orgRoute.addChildren([
      orgIndexRoute,
      section("audit-room", AuditRoomPage),
      section("dashboard", DashboardPage),
      requirementsRoute,
      requirementDetailRoute,
      evidenceRoute,
      evidenceDetailRoute,
      section("audits", AuditsPage),
      section("audits/programmes", ProgrammesPage),
      section("audits/coverage", CoveragePage),
      section("audits/programmes/$programmeId", ProgrammesPage),
      section("audits/$auditId", AuditDetailPage),
      section("audits/$auditId/report", AuditReportPage),
      findingsRoute,
      section("findings/$findingId", FindingDetailPage),
      correctiveMeasuresRoute,
      section("corrective-measures/$measureId", CorrectiveMeasureDetailPage),
      section("management-reviews", ManagementReviewsPage),
      section("management-reviews/$reviewId", ManagementReviewDetailPage),
      section("training", TrainingPage),
      section("training/people/$personId", TrainingPage),
      section("objectives", ObjectivesPage),
      section("objectives/$objectiveId", ObjectivesPage),
      section("services", ServicesPage),
      section("services/$serviceId", ServiceDetailPage),
      section("customers", CustomersPage),
      section("suppliers", SuppliersPage),
      section("suppliers/$supplierId", SupplierDetailPage),
      section("agreements", AgreementsPage),
      section("risks", RisksPage),
      section("risks/method", RisksPage),
      section("risks/$riskId", RisksPage),
      section("configuration-items", ConfigurationPage),
      section("continuity", ContinuityPage),
      section("continuity/$planId", ContinuityPlanPage),
      section("service-reports", ServiceReportsPage),
      section("service-reports/$definitionId", ServiceReportDefinitionPage),
      section("context", ContextPage),
      itsmRecordsRoute,
      section("activity", ActivityPage),
      section("members", MembersPage),
      section("integrations", IntegrationsPage),
      section("api-tokens", ApiTokensPage),
      section("settings", OrgSettingsPage),
    ]),
  ]),
]);

export function createAppRouter(queryClient: QueryClient) {
  return createRouter({
    routeTree,
    context: { queryClient },
    defaultPreload: "intent",
    defaultPreloadStaleTime: 0,
    defaultPendingComponent: PendingPage,
    defaultPendingMs: 300,
    scrollRestoration: true,
  });
}

declare module "@tanstack/react-router" {
  interface Register {
    router: ReturnType<typeof createAppRouter>;
  }
}
