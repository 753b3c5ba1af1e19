"""The demo organisation: a realistic ISO/IEC 20000-1 adopter part-way to Stage 2, built
through the domain services (see ``demo.build``)."""

from certready.demo.build import (
    DEMO_ADMIN_EMAIL,
    DEMO_SLUG,
    DemoOutcome,
    build_demo,
    create_demo_first_run,
)

__all__ = ["DEMO_ADMIN_EMAIL", "DEMO_SLUG", "DemoOutcome", "build_demo", "create_demo_first_run"]
