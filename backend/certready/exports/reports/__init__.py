"""PDF reports (issue 16): readiness, internal audit, management review minutes."""
