from enum import StrEnum


class AgreementType(StrEnum):
    sla = "sla"
    contract = "contract"
    ola_internal_agreement = "ola_internal_agreement"


class AgreementStatus(StrEnum):
    draft = "draft"
    active = "active"
    expired = "expired"
    terminated = "terminated"
