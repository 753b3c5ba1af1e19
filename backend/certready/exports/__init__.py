"""Exports: what leaves Certready for a certification body (issue 16).

One package, one module per export: ``matrix*.py`` (the XLSX compliance matrix),
``pack/`` (the evidence pack), ``pdf*.py`` (reports), ``oscal*.py`` (OSCAL and the
CISO Assistant library). What they share lives here: ``neutralise.py`` (formula
injection, for every cell that leaves as CSV or XLSX) and ``meta.py`` (the "Export"
metadata: organisation, when, by whom, filters, product version, SHA-256 of the data).
"""
