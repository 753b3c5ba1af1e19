"""Training and competence (ISO/IEC 20000-1 7.2, 7.3): courses, role requirements, records."""
