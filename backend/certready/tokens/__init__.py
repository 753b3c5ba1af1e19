"""API tokens: opaque, hashed, org-bound, scoped, expiring credentials for scripts (J12)."""
