# API image: locked backend + migrations. `docker compose up` runs migrate, then uvicorn.
FROM python:3.11-slim
ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1 UV_PROJECT_ENVIRONMENT=/opt/venv UV_PYTHON_DOWNLOADS=never
RUN pip install --no-cache-dir uv==0.13.8
WORKDIR /app
COPY backend/pyproject.toml backend/uv.lock backend/
# the generated API client the CLI calls through (a path dependency of the backend)
COPY clients/python clients/python
RUN uv sync --locked --no-dev --no-install-project --project backend
COPY backend backend
COPY migrations migrations
RUN uv sync --locked --no-dev --project backend
ENV PATH=/opt/venv/bin:$PATH CERTREADY_ENV=production CERTREADY_DATA_DIR=/data
RUN useradd --system --home /data certready && mkdir -p /data && chown certready /data
USER certready
EXPOSE 8000
CMD ["sh", "-c", "certready migrate && uvicorn certready.main:create_app --factory --host 0.0.0.0 --port 8000 --workers ${WEB_WORKERS:-2} --no-server-header --proxy-headers"]
