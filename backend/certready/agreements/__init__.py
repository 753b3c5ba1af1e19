"""Agreements (ISO/IEC 20000-1 8.3.3, 8.3.4): SLAs with customers, contracts and internal
agreements with suppliers, the services they cover and their service level targets."""
