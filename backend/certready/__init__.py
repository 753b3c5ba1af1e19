"""Certready: ISO/IEC 20000-1:2018 certification readiness."""

__version__ = "0.1.0"
API_VERSION = "v1"
