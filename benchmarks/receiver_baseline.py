"""The receiver benchmark's baseline server: Certready's own app with one more route that
does everything a delivery costs before it is stored, and stores nothing.

    python -m benchmarks.receiver_baseline --port 8001

``POST /api/v1/bench/discard/{integration_id}/{source}`` reads the bounded raw body, looks
up the integration, takes the rate limiter and verifies the signature exactly as the real
receiver (``receiver.authenticate``), then answers the same response model without writing
anything: the "verify and discard" rate of PERFORMANCE.md 4.3 (B5), in the same app, under
the same uvicorn options as ``certready serve``. Benchmark only: never deployed.
"""

from __future__ import annotations

import argparse
import uuid

from certready.api.deps import DatabaseDep, SettingsDep
from certready.integrations import receiver
from certready.integrations.deps import HookBody, LimiterDep
from certready.integrations.enums import MappingState, SourceType
from certready.integrations.schemas import HookAccepted
from certready.main import create_app as certready_app
from fastapi import FastAPI, Request

DISCARD_PATH = "/api/v1/bench/discard/{integration_id}/{source}"
NOTHING = uuid.UUID(int=0)


def create_app() -> FastAPI:
    app = certready_app()

    async def discard(
        integration_id: uuid.UUID,
        source: SourceType,
        request: Request,
        body: HookBody,
        db: DatabaseDep,
        settings: SettingsDep,
        limiter: LimiterDep,
    ) -> HookAccepted:
        await receiver.authenticate(
            db, settings, limiter, integration_id, source, dict(request.headers), body
        )
        return HookAccepted(
            delivery_id=NOTHING, duplicate=False, mapping_state=MappingState.applied, record_id=None
        )

    app.add_api_route(
        DISCARD_PATH,
        discard,
        methods=["POST"],
        response_model=HookAccepted,
        include_in_schema=False,
    )
    # before the SPA's catch-all, which was registered first
    app.router.routes.insert(0, app.router.routes.pop())
    return app


def main() -> None:
    import uvicorn

    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8001)
    args = parser.parse_args()
    # the options of `certready serve` (certready.cli.serve)
    uvicorn.run(
        "benchmarks.receiver_baseline:create_app",
        factory=True,
        host=args.host,
        port=args.port,
        server_header=False,
        proxy_headers=False,
    )


if __name__ == "__main__":
    main()
