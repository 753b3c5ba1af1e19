"""Suppliers (ISO/IEC 20000-1 8.3.3, 8.3.4): external, internal, customers acting as suppliers."""
