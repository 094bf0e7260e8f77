"""The GitHub workflows, the PR template and pre-commit: valid, real, and in step with CI.

GitHub only reports a broken workflow when it runs, so these tests read the YAML: every
action named is one that exists (at a released major version), every shell step calls a
Makefile target that exists, and the pull-request job runs the very command `.ci/run` runs.
"""

from __future__ import annotations

import re
import shlex
from pathlib import Path
from typing import Any

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]
WORKFLOWS = ROOT / ".github" / "workflows"
# Real actions and the released major versions we allow (all maintained by GitHub).
KNOWN_ACTIONS = {
    "actions/checkout": {"v4"},
    "actions/setup-python": {"v5"},
    "actions/setup-node": {"v4"},
    "actions/upload-artifact": {"v4"},
    "actions/upload-pages-artifact": {"v3"},
    "actions/deploy-pages": {"v4"},
}
# Inputs each action declares in its action.yml (the subset a workflow here may use).
KNOWN_INPUTS = {
    "actions/checkout": {"ref", "fetch-depth", "persist-credentials"},
    "actions/setup-python": {"python-version", "python-version-file", "cache"},
    "actions/setup-node": {"node-version", "node-version-file", "cache"},
    "actions/upload-artifact": {"name", "path", "retention-days", "if-no-files-found"},
    "actions/upload-pages-artifact": {"name", "path", "retention-days"},
    "actions/deploy-pages": {"token", "artifact_name", "preview"},
}
STEP_KEYS = {
    "name",
    "id",
    "uses",
    "run",
    "with",
    "env",
    "if",
    "shell",
    "working-directory",
    "continue-on-error",
    "timeout-minutes",
}


def load(name: str) -> dict[str, Any]:
    # PyYAML reads the key `on` as True (YAML 1.1); BaseLoader keeps every key a string.
    return yaml.load((WORKFLOWS / name).read_text("utf-8"), Loader=yaml.BaseLoader)


def steps(workflow: dict[str, Any]) -> list[dict[str, Any]]:
    return [step for job in workflow["jobs"].values() for step in job.get("steps", [])]


def make_targets() -> set[str]:
    text = (ROOT / "Makefile").read_text("utf-8")
    return set(re.findall(r"^([A-Za-z][\w-]*):", text, re.MULTILINE))


def ci_run_command() -> str:
    """The last command line of .ci/run (the CI entry point): `make test`."""
    lines = [
        line.strip()
        for line in (ROOT / ".ci" / "run").read_text("utf-8").splitlines()
        if line.strip() and not line.lstrip().startswith("#")
    ]
    return lines[-1]


@pytest.mark.parametrize("name", ["pr.yml", "deploy.yml"])
def test_workflow_is_valid_and_names_only_real_actions(name: str) -> None:
    workflow = load(name)
    assert {"name", "on", "jobs"} <= workflow.keys()
    for job in workflow["jobs"].values():
        assert job["runs-on"].startswith("ubuntu-")
        for step in job["steps"]:
            assert set(step) <= STEP_KEYS, step
            assert ("uses" in step) != ("run" in step), step
            if "uses" in step:
                action, _, version = step["uses"].partition("@")
                assert version in KNOWN_ACTIONS.get(action, set()), step["uses"]
                assert set(step.get("with", {})) <= KNOWN_INPUTS[action], step


@pytest.mark.parametrize("name", ["pr.yml", "deploy.yml"])
def test_every_make_call_is_a_real_target(name: str) -> None:
    targets = make_targets()
    for step in steps(load(name)):
        for line in step.get("run", "").splitlines():
            words = shlex.split(line) if line.strip() else []
            if words[:1] == ["make"]:
                assert set(words[1:]) <= targets, line


def test_pull_requests_run_the_ci_command_the_strict_build_and_upload_the_site() -> None:
    workflow = load("pr.yml")
    assert "pull_request" in workflow["on"]
    runs = [step["run"].strip() for step in steps(workflow) if "run" in step]
    assert ci_run_command() == "make test"
    assert ci_run_command() in runs
    assert "make build" in runs
    uses = {step["uses"].split("@")[0]: step for step in steps(workflow) if "uses" in step}
    assert {"actions/checkout", "actions/setup-python", "actions/setup-node"} <= uses.keys()
    assert uses["actions/setup-python"]["with"]["python-version-file"] == ".python-version"
    assert (ROOT / ".python-version").read_text().startswith("3.13")
    assert uses["actions/upload-artifact"]["with"]["path"] == "site/"
    assert any("/usr/bin/chromium" in run for run in runs), "the browser tests need Chromium"


def test_main_is_built_strictly_and_deployed_to_pages() -> None:
    workflow = load("deploy.yml")
    assert workflow["on"]["push"]["branches"] == ["main"]
    build, deploy = workflow["jobs"]["build"], workflow["jobs"]["deploy"]
    assert "make build" in [step.get("run", "").strip() for step in build["steps"]]
    assert deploy["needs"] == "build"
    assert deploy["permissions"] == {"pages": "write", "id-token": "write"}
    assert deploy["environment"]["name"] == "github-pages"
    assert [step["uses"] for step in deploy["steps"]] == ["actions/deploy-pages@v4"]


def test_make_build_is_strict() -> None:
    recipe = (ROOT / "Makefile").read_text("utf-8").split("\nbuild:", 1)[1].split("\n\n", 1)[0]
    assert "mkdocs build --strict" in recipe


def test_pre_commit_runs_ruff_and_the_content_check() -> None:
    config = yaml.safe_load((ROOT / ".pre-commit-config.yaml").read_text("utf-8"))
    hooks = {hook["id"]: hook for repo in config["repos"] for hook in repo["hooks"]}
    assert hooks["edusite-check"]["entry"] == "python3 -m uv run edusite check"
    assert hooks["edusite-check"]["pass_filenames"] is False
    assert hooks["ruff-check"]["entry"].startswith("python3 -m uv run ruff check")
    assert hooks["ruff-format"]["entry"].startswith("python3 -m uv run ruff format")
    assert re.search(hooks["edusite-check"]["files"], "content/runners-knee.md")
    assert re.search(hooks["edusite-check"]["files"], "quizzes/runners_knee/shoe_mileage.py")


def test_pull_request_template_has_the_editors_checklist() -> None:
    text = (ROOT / ".github" / "PULL_REQUEST_TEMPLATE.md").read_text("utf-8")
    boxes = re.findall(r"^- \[ \] ", text, re.MULTILINE)
    assert len(boxes) >= 5
    assert "make check" in text and "make serve" in text
