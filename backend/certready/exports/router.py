"""Download routes of the exports, under ``/orgs/{org}/exports``.

A download route ends in its file's extension (``compliance-matrix.xlsx``,
``evidence-pack.zip``...) and documents its media type in ``responses``.
"""

from __future__ import annotations

from fastapi import APIRouter

router = APIRouter(prefix="/orgs/{org}/exports", tags=["exports"])
