"""Readiness engine: rules RDY-xx over the organisation's data, gate verdicts and a score."""
