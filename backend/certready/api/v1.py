"""Router composition: every domain router mounted under ``/api/v1``."""

from __future__ import annotations

from fastapi import APIRouter

from certready.activity.router import router as activity_router
from certready.agreements.router import router as agreements_router
from certready.audits.router import programmes_router as audit_programmes_router
from certready.audits.router import router as audits_router
from certready.auth.router import me_router, setup_router
from certready.auth.router import router as auth_router
from certready.configuration.router import router as configuration_router
from certready.continuity.router import router as continuity_router
from certready.core.problems import problem_responses
from certready.corrective_measures.router import router as corrective_measures_router
from certready.customers.router import router as customers_router
from certready.evidence.router import router as evidence_router
from certready.exports.router import router as exports_router
from certready.findings.router import router as findings_router
from certready.integrations.router import hooks_router
from certready.integrations.router import records_router as itsm_records_router
from certready.integrations.router import router as integrations_router
from certready.invitations.router import public_router as invitations_public_router
from certready.invitations.router import router as invitations_router
from certready.management_reviews.router import router as management_reviews_router
from certready.mfa.router import auth_router as mfa_auth_router
from certready.mfa.router import me_router as mfa_me_router
from certready.mfa.router import members_router as mfa_members_router
from certready.objectives.router import router as objectives_router
from certready.orgs.router import members_router
from certready.orgs.router import router as orgs_router
from certready.readiness.router import demo_router
from certready.readiness.router import router as readiness_router
from certready.requirements.router import frameworks_router
from certready.requirements.router import router as requirements_router
from certready.risks.router import router as risks_router
from certready.service_reports.router import router as service_reports_router
from certready.services.router import router as services_router
from certready.services.router import scope_router as services_scope_router
from certready.sms_context.router import router as context_router
from certready.sso.router import org_router as sso_org_router
from certready.sso.router import router as sso_router
from certready.suppliers.router import router as suppliers_router
from certready.suppliers.router import statements_router as supplier_statements_router
from certready.system.router import router as system_router
from certready.tokens.router import current_router as current_token_router
from certready.tokens.router import router as tokens_router
from certready.training.router import router as training_router

PUBLIC = problem_responses(422)
AUTHED = problem_responses(401, 422)
ORG_SCOPED = problem_responses(401, 403, 404, 422)

# Routes that need no credentials; the architecture test reviews this list.
PUBLIC_ROUTES = frozenset(
    {
        ("GET", "/api/v1/health"),
        ("GET", "/api/v1/version"),
        ("GET", "/api/v1/setup"),
        ("POST", "/api/v1/setup"),
        ("POST", "/api/v1/auth/token"),
        ("POST", "/api/v1/auth/refresh"),
        # the sign-in's second step: the challenge token in the body is the credential
        ("POST", "/api/v1/auth/mfa"),
        ("POST", "/api/v1/auth/mfa/enrol"),
        ("POST", "/api/v1/auth/mfa/enrol/confirm"),
        ("POST", "/api/v1/demo"),
        # password reset (issue 17): throttled per client and address; the link's token is
        # the credential of the confirmation
        ("POST", "/api/v1/auth/password-reset"),
        ("POST", "/api/v1/auth/password-reset/confirm"),
        # the holder of an invitation link (throttled per client, issue 11)
        ("POST", "/api/v1/invitations/lookup"),
        ("POST", "/api/v1/invitations/register"),
        # ITSM tools: the signature over the body is the credential (issue 15)
        ("POST", "/api/v1/hooks/{integration_id}/{source}"),
        ("GET", "/api/v1/hooks/{integration_id}/glpi"),
        # OpenID Connect sign-in (issue 17): state, nonce, PKCE and a browser cookie
        ("GET", "/api/v1/auth/oidc/providers"),
        ("GET", "/api/v1/auth/oidc/{provider_id}/login"),
        ("GET", "/api/v1/auth/oidc/{provider_id}/callback"),
        ("POST", "/api/v1/auth/oidc/exchange"),
    }
)


def build_api_router() -> APIRouter:
    api = APIRouter(prefix="/api/v1")
    api.include_router(system_router, responses=PUBLIC)
    api.include_router(setup_router, responses=PUBLIC)
    api.include_router(auth_router, responses=PUBLIC)
    api.include_router(mfa_auth_router, responses=PUBLIC)
    api.include_router(sso_router, responses=PUBLIC)
    api.include_router(invitations_public_router, responses=PUBLIC)
    api.include_router(me_router, responses=AUTHED)
    api.include_router(mfa_me_router, responses=AUTHED)
    api.include_router(orgs_router, responses=AUTHED)
    api.include_router(frameworks_router, responses=AUTHED)
    api.include_router(current_token_router, responses=AUTHED)
    for router in (
        members_router,
        mfa_members_router,
        invitations_router,
        activity_router,
        requirements_router,
        evidence_router,
        tokens_router,
    ):
        api.include_router(router, responses=ORG_SCOPED)
    for router in (audit_programmes_router, audits_router, findings_router):
        api.include_router(router, responses=ORG_SCOPED)
    api.include_router(corrective_measures_router, responses=ORG_SCOPED)
    for router in (training_router, objectives_router):
        api.include_router(router, responses=ORG_SCOPED)
    api.include_router(management_reviews_router, responses=ORG_SCOPED)
    api.include_router(suppliers_router, responses=ORG_SCOPED)
    api.include_router(risks_router, responses=ORG_SCOPED)
    for router in (services_router, services_scope_router, customers_router):
        api.include_router(router, responses=ORG_SCOPED)
    api.include_router(supplier_statements_router, responses=ORG_SCOPED)
    api.include_router(agreements_router, responses=ORG_SCOPED)
    api.include_router(context_router, responses=ORG_SCOPED)
    api.include_router(sso_org_router, responses=ORG_SCOPED)
    api.include_router(readiness_router, responses=ORG_SCOPED)
    api.include_router(exports_router, responses=ORG_SCOPED)
    for router in (configuration_router, continuity_router, service_reports_router):
        api.include_router(router, responses=ORG_SCOPED)
    api.include_router(demo_router, responses=PUBLIC)
    api.include_router(integrations_router, responses=ORG_SCOPED)
    api.include_router(itsm_records_router, responses=ORG_SCOPED)
    api.include_router(hooks_router, responses=PUBLIC)
    return api
