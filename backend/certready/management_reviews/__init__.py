"""Management reviews (ISO/IEC 20000-1 9.3): inputs pre-filled from data, decisions, actions."""
