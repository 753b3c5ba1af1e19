"""Import every table module so ``metadata`` knows the whole schema (Alembic)."""

from certready.activity import models as activity_models
from certready.agreements import models as agreements_models
from certready.audits import models as audits_models
from certready.auth import models as auth_models
from certready.configuration import models as configuration_models
from certready.continuity import models as continuity_models
from certready.corrective_measures import models as corrective_measures_models
from certready.customers import models as customers_models
from certready.db.base import metadata
from certready.evidence import models as evidence_models
from certready.exports.pack import models as pack_models
from certready.findings import models as findings_models
from certready.integrations import models as integrations_models
from certready.invitations import models as invitations_models
from certready.mail import models as mail_models
from certready.management_reviews import models as management_reviews_models
from certready.mfa import models as mfa_models
from certready.objectives import models as objectives_models
from certready.orgs import models as orgs_models
from certready.readiness import models as readiness_models
from certready.requirements import models as requirements_models
from certready.risks import models as risks_models
from certready.service_reports import models as service_reports_models
from certready.services import models as services_models
from certready.sms_context import models as sms_context_models
from certready.sso import models as sso_models
from certready.suppliers import models as suppliers_models
from certready.tokens import models as tokens_models
from certready.training import models as training_models

__all__ = [
    "activity_models",
    "agreements_models",
    "audits_models",
    "auth_models",
    "configuration_models",
    "continuity_models",
    "corrective_measures_models",
    "customers_models",
    "evidence_models",
    "findings_models",
    "integrations_models",
    "invitations_models",
    "mail_models",
    "management_reviews_models",
    "metadata",
    "mfa_models",
    "objectives_models",
    "orgs_models",
    "pack_models",
    "readiness_models",
    "requirements_models",
    "risks_models",
    "service_reports_models",
    "services_models",
    "sms_context_models",
    "sso_models",
    "suppliers_models",
    "tokens_models",
    "training_models",
]
