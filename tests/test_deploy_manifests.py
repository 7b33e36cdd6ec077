"""The Kubernetes form of the deployment (deploy/k8s/), checked offline: every manifest against the
Kubernetes schemas (kubernetes-validate, strict: an unknown field is an error), and against the rest
of deploy/ (the same settings, the same entry point, the same sticky cookie as our own nginx)."""

from __future__ import annotations

import re

import kubernetes_validate
import pytest
import yaml

from bench.common import read_env_file
from dn_explorer.paths import PROJECT_ROOT

K8S = PROJECT_ROOT / "deploy" / "k8s"
KUBERNETES_VERSION = "1.32.0"


def _kustomization() -> dict:
    return yaml.safe_load((K8S / "kustomization.yaml").read_text(encoding="utf-8"))


def _resources() -> dict[str, dict]:
    """Each manifest the kustomization lists, by kind."""
    docs = {}
    for name in _kustomization()["resources"]:
        for doc in yaml.safe_load_all((K8S / name).read_text(encoding="utf-8")):
            docs[doc["kind"]] = doc
    return docs


def test_the_kustomization_lists_every_manifest_in_the_folder() -> None:
    listed = set(_kustomization()["resources"])
    assert listed == {p.name for p in K8S.glob("*.yaml")} - {"kustomization.yaml"}


@pytest.mark.parametrize("name", sorted(p.name for p in K8S.glob("*.yaml") if p.name != "kustomization.yaml"))
def test_each_manifest_is_valid_kubernetes(name: str) -> None:
    for doc in yaml.safe_load_all((K8S / name).read_text(encoding="utf-8")):
        kubernetes_validate.validate(doc, KUBERNETES_VERSION, strict=True)


def test_the_validator_refuses_a_misspelt_field() -> None:
    deployment = _resources()["Deployment"]
    container = deployment["spec"]["template"]["spec"]["containers"][0]
    container["readinesProbe"] = container.pop("readinessProbe")
    with pytest.raises(kubernetes_validate.ValidationError):
        kubernetes_validate.validate(deployment, KUBERNETES_VERSION, strict=True)


def test_a_pod_is_ready_only_when_streamlit_answers_and_runs_what_the_image_runs() -> None:
    container = _resources()["Deployment"]["spec"]["template"]["spec"]["containers"][0]
    assert container["readinessProbe"]["httpGet"]["path"] == "/_stcore/health"
    assert container["livenessProbe"]["httpGet"]["path"] == "/_stcore/health"
    dockerfile = (PROJECT_ROOT / "deploy" / "Dockerfile").read_text(encoding="utf-8")
    assert f"CMD {container['command']}".replace("'", '"') in dockerfile
    assert container["resources"]["requests"]["cpu"] == "1"  # one process per core


def test_the_pods_run_with_the_settings_every_replica_runs_with() -> None:
    data = _resources()["ConfigMap"]["data"]
    assert data == read_env_file(PROJECT_ROOT / "deploy" / "replica.env")
    refs = _resources()["Deployment"]["spec"]["template"]["spec"]["containers"][0]["envFrom"]
    assert {"secretRef": {"name": "dn-explorer-secret"}} in refs  # the shared cookie secret, never in a file


INGRESS_NGINX_ANNOTATIONS = {
    "affinity",
    "affinity-mode",
    "session-cookie-name",
    "session-cookie-samesite",
    "session-cookie-secure",
    "proxy-read-timeout",
    "proxy-send-timeout",
    "proxy-body-size",
}
"""ingress-nginx annotations we use, each checked by hand against its documentation (the schema cannot:
an unknown annotation is silently ignored)."""


def test_the_ingress_uses_only_annotations_ingress_nginx_knows() -> None:
    annotations = _resources()["Ingress"]["metadata"]["annotations"]
    prefix = "nginx.ingress.kubernetes.io/"
    assert all(key.startswith(prefix) for key in annotations)
    assert {key.removeprefix(prefix) for key in annotations} <= INGRESS_NGINX_ANNOTATIONS


def test_sessions_stick_to_their_pod_with_our_nginx_s_cookie() -> None:
    annotations = _resources()["Ingress"]["metadata"]["annotations"]
    assert annotations["nginx.ingress.kubernetes.io/affinity"] == "cookie"
    template = (PROJECT_ROOT / "deploy" / "nginx" / "explorer.conf.template").read_text(encoding="utf-8")
    cookie = re.search(r"\$cookie_(\w+)", template)
    assert cookie is not None
    assert annotations["nginx.ingress.kubernetes.io/session-cookie-name"] == cookie.group(1)


def test_every_selector_finds_the_pods() -> None:
    resources = _resources()
    labels = resources["Deployment"]["spec"]["template"]["metadata"]["labels"]
    for selector in (
        resources["Deployment"]["spec"]["selector"]["matchLabels"],
        resources["Service"]["spec"]["selector"],
        resources["PodDisruptionBudget"]["spec"]["selector"]["matchLabels"],
    ):
        assert selector.items() <= labels.items()
        assert selector


def test_the_folder_holds_no_secret() -> None:
    for path in K8S.glob("*.yaml"):
        assert "COOKIE_SECRET:" not in path.read_text(encoding="utf-8")
