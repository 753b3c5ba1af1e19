"""Service management objectives and their measurements (ISO/IEC 20000-1 6.2, 9.1)."""
