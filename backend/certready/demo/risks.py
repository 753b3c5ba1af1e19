"""The risk method (approved), twelve risks and the context record.

The gaps the dashboard shows: RSK-7 has no treatment decision yet (RDY-07), and the
context record does not yet say whether climate change is relevant (RDY-03)."""

from __future__ import annotations

from certready.core.clock import add_months
from certready.demo.base import Demo
from certready.risks.enums import Treatment
from certready.risks.models import RiskMethod
from certready.risks.schemas import RiskActionCreate, RiskCreate, RiskMethodUpdate, RiskMethodWrite
from certready.risks.service import add_action, create_method, create_risk, update_method
from certready.sms_context.enums import IssueKind, PartyKind
from certready.sms_context.schemas import ContextCreate, ContextUpdate, IssueCreate, PartyCreate
from certready.sms_context.service import add_issue, add_party, create_context, update_context

METHOD = RiskMethodWrite(
    likelihood_scale=["Rare", "Unlikely", "Possible", "Likely", "Almost certain"],
    impact_scale=["Negligible", "Minor", "Moderate", "Major", "Severe"],
    levels=["low", "medium", "high"],
    matrix=[
        ["low", "low", "low", "medium", "medium"],
        ["low", "low", "medium", "medium", "high"],
        ["low", "medium", "medium", "high", "high"],
        ["medium", "medium", "high", "high", "high"],
        ["medium", "high", "high", "high", "high"],
    ],
    acceptance_criteria="Low risks may be accepted by their owner; medium risks by the SMS "
    "manager with a review every six months; high risks are treated or transferred.",
    acceptable_levels=["low", "medium"],
)

# (title, likelihood, impact, treatment, a treatment action or "")
RISKS = (
    ("Hosting site power failure", 2, 5, Treatment.treat, "Second site with warm standby"),
    ("Key supplier insolvency", 2, 4, Treatment.transfer, "Escrow clause in the contract"),
    ("Ransomware on the service desk", 3, 5, Treatment.treat, "Offline backups tested monthly"),
    ("Loss of the only DBA", 3, 3, Treatment.treat, "Cross-train a second engineer"),
    ("SLA breach on P1 incidents", 3, 2, Treatment.accept, ""),
    ("Unplanned change causes outage", 3, 4, Treatment.treat, "Change advisory board weekly"),
    ("Customer data exposed by misconfiguration", 2, 5, None, ""),
    ("Licence audit finds under-licensing", 2, 2, Treatment.accept, ""),
    ("Monitoring blind spot on the network", 2, 3, Treatment.treat, "Extend monitoring to LAN"),
    ("Cloud region outage", 1, 5, Treatment.transfer, "Provider SLA with credits"),
    ("Legacy CRM out of support", 4, 3, Treatment.avoid, "Retire the legacy CRM"),
    ("Knowledge base out of date", 3, 1, Treatment.accept, ""),
)


async def add_risks(demo: Demo) -> None:
    method: RiskMethod = await create_method(demo.session, demo.ctx, METHOD)
    await update_method(
        demo.session,
        demo.ctx,
        method,
        RiskMethodUpdate(approved_on=demo.days(-60)),
        if_match=f'"{method.version}"',
    )
    for title, likelihood, impact, treatment, action in RISKS:
        risk = await create_risk(
            demo.session,
            demo.ctx,
            RiskCreate(
                title=title,
                likelihood=likelihood,
                impact=impact,
                treatment=treatment,
                owner_id=demo.manager.id,
                review_date=add_months(demo.today, 6),
            ),
        )
        if action:
            await add_action(
                demo.session,
                demo.ctx,
                risk,
                RiskActionCreate(
                    description=action, owner_id=demo.manager.id, due_date=demo.days(90)
                ),
            )


async def add_context(demo: Demo) -> None:
    ctx = demo.ctx
    rec = await create_context(
        demo.session,
        ctx,
        ContextCreate(summary="Managed IT services for mid-sized customers in two regions."),
    )
    issues = (
        (IssueKind.internal, "Small team: key knowledge held by a few engineers."),
        (IssueKind.internal, "Migration from the legacy CRM under way."),
        (IssueKind.external, "Customers move workloads to public cloud providers."),
        (IssueKind.external, "New data protection obligations in customer contracts."),
    )
    for kind, text in issues:
        await add_issue(demo.session, ctx, rec, IssueCreate(kind=kind, description=text))
    parties = (
        ("Customers", PartyKind.customer, "Agreed service levels; monthly service reports."),
        ("Hosting provider", PartyKind.supplier, "Capacity forecasts; change notices."),
        ("Staff", PartyKind.staff, "Clear roles; training; on-call rota."),
        ("Data protection authority", PartyKind.regulator, "Breach notification in 72 hours."),
    )
    for name, party_kind, requirements in parties:
        await add_party(
            demo.session,
            ctx,
            rec,
            PartyCreate(name=name, kind=party_kind, requirements=requirements),
        )
    await update_context(
        demo.session,
        ctx,
        rec,
        ContextUpdate(approved_on=demo.days(-45), reviewed_on=demo.days(-45)),
        if_match=f'"{rec.version}"',
    )
