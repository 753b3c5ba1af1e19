"""The register sheets of the compliance matrix (findings, measures, audits ... risks)."""
