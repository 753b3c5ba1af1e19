"""The input topics of a management review (ISO/IEC 20000-1 9.3; iso20000.md 4.2).

Decision: the twelve defaults live here, in code, and every review gets its own copy
of them as input rows when it is created (plus any extra topics given at creation).
A review therefore keeps the topic list it was held against even when this list
changes, and "all topics covered" is a set comparison over the review's own rows.
Mandatory topics cannot be removed; a topic that does not apply this time is marked
not applicable with a reason instead.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Topic:
    key: str
    title: str
    # Sections of the pre-filled snapshot that feed this topic.
    sources: tuple[str, ...] = ()


DEFAULT_TOPICS: tuple[Topic, ...] = (
    Topic(
        "previous_actions",
        "Status of actions from earlier management reviews",
        ("previous_actions",),
    ),
    Topic("context_changes", "Changes in external and internal issues relevant to the SMS"),
    Topic(
        "sms_performance",
        "SMS performance: nonconformities and corrective actions, monitoring and measurement "
        "results, audit results",
        ("findings", "corrective_measures", "audits", "objectives"),
    ),
    Topic("improvement_opportunities", "Opportunities for continual improvement", ("findings",)),
    Topic("customer_satisfaction", "Customer satisfaction and feedback from interested parties"),
    Topic("policy_suitability", "Adherence to and suitability of the service management policy"),
    Topic("objectives", "Extent to which service management objectives are met", ("objectives",)),
    Topic("service_performance", "Performance of the services"),
    Topic("other_parties", "Performance of other parties involved in the service lifecycle"),
    Topic(
        "resources",
        "Current and forecast resources (human, technical, information, financial) and "
        "capabilities",
        ("training",),
    ),
    Topic("risks", "Results of risk management and effectiveness of actions on risks"),
    Topic("changes", "Changes that could affect the SMS and the services"),
)
DEFAULT_TOPIC_KEYS = frozenset(t.key for t in DEFAULT_TOPICS)
