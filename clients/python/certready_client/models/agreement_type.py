from enum import StrEnum


class AgreementType(StrEnum):
    CONTRACT = "contract"
    OLA_INTERNAL_AGREEMENT = "ola_internal_agreement"
    SLA = "sla"

    def __str__(self) -> str:
        return str(self.value)
