"""Request and response models of the exports' own routes (the downloads are files)."""

from __future__ import annotations

from datetime import datetime

from pydantic import BaseModel, ConfigDict, Field


class DownloadTicketCreate(BaseModel):
    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [
                {"url": "/api/v1/orgs/acme/exports/evidence-pack.zip?compliance_matrix=true"}
            ]
        },
    )

    url: str = Field(
        min_length=1,
        max_length=4000,
        description="The download's path and query, as it would be requested with the "
        "bearer token (`/api/v1/orgs/<org>/exports/evidence-pack.zip?clause=8.6`).",
    )


class DownloadTicketRead(BaseModel):
    url: str = Field(
        description="The same download with `ticket=` appended: navigate to it (no "
        "Authorization header) within 60 seconds; it works once."
    )
    expires_at: datetime
