"""The CI workflows that publish the site: valid YAML, and they run the two checks.

GitHub's workflow is `.github/workflows/site.yml`; GitLab's is the `.gitlab-ci.yml`
that `docs/publishing.md` shows, which also shows GitHub's, copied exactly.
"""

from __future__ import annotations

import re
from typing import Any

import pytest
import yaml
from helpers import REPO

WORKFLOW = REPO / ".github" / "workflows" / "site.yml"
PAGE = REPO / "docs" / "publishing.md"
ON_MAIN = "github.event_name != 'pull_request' && github.ref == 'refs/heads/main'"


def yaml_blocks(markdown: str) -> list[str]:
    return [m.group(1) for m in re.finditer(r"^```yaml\n(.*?)^```$", markdown, re.S | re.M)]


@pytest.fixture(scope="module")
def github() -> dict[Any, Any]:
    return yaml.safe_load(WORKFLOW.read_text("utf-8"))


@pytest.fixture(scope="module")
def gitlab() -> dict[str, Any]:
    (block,) = [b for b in yaml_blocks(PAGE.read_text("utf-8")) if "CI_PAGES_URL" in b]
    return yaml.safe_load(block)


def runs(steps: list[dict[str, Any]]) -> list[str]:
    return [step["run"] for step in steps if "run" in step]


def uses(steps: list[dict[str, Any]]) -> list[str]:
    return [step["uses"].split("@")[0] for step in steps if "uses" in step]


def test_the_github_workflow_checks_and_builds_every_pull_request(github: dict[Any, Any]) -> None:
    # YAML 1.1 reads the key `on` as True.
    triggers = github.get("on", github.get(True))
    assert "pull_request" in triggers
    assert triggers["push"]["branches"] == ["main"]
    build = github["jobs"]["build"]
    assert "if" not in build
    steps = build["steps"]
    commands = runs(steps)
    assert commands.index("pip install .") < commands.index("briefkit check")
    assert commands.index("briefkit check") < commands.index("mkdocs build --strict")
    # Neither check is skipped on a pull request.
    for step in steps:
        if step.get("run") in ("briefkit check", "mkdocs build --strict"):
            assert "if" not in step, step
    python = next(s for s in steps if s.get("uses", "").startswith("actions/setup-python@"))
    assert python["with"]["python-version"] == "3.11"
    assert python["with"]["cache"] == "pip"


def test_the_github_workflow_publishes_main_with_the_pages_actions(
    github: dict[Any, Any],
) -> None:
    build, deploy = github["jobs"]["build"], github["jobs"]["deploy"]
    steps = {s["uses"].split("@")[0]: s for s in build["steps"] if "uses" in s}
    assert steps["actions/configure-pages"]["if"] == ON_MAIN
    assert steps["actions/upload-pages-artifact"]["if"] == ON_MAIN
    assert steps["actions/upload-pages-artifact"]["with"]["path"] == "site"
    assert deploy["if"] == ON_MAIN
    assert deploy["needs"] == "build"
    assert uses(deploy["steps"]) == ["actions/deploy-pages"]
    assert deploy["permissions"] == {"pages": "write", "id-token": "write"}
    assert deploy["environment"]["name"] == "github-pages"
    # The Pages address is the built site's site_url (mkdocs.yml reads SITE_URL).
    built = next(s for s in build["steps"] if s.get("run") == "mkdocs build --strict")
    assert built["env"]["SITE_URL"] == "${{ steps.pages.outputs.base_url }}"
    assert steps["actions/configure-pages"]["id"] == "pages"


def test_the_gitlab_jobs_check_and_build_and_pages_publishes_public(
    gitlab: dict[str, Any],
) -> None:
    for name in ("check", "pages"):
        script = gitlab[name]["script"]
        assert script.index("pip install .") < script.index("briefkit check"), name
        assert script.index("briefkit check") < script.index("mkdocs build --strict -d public")
    assert gitlab["check"]["rules"] == [{"if": '$CI_PIPELINE_SOURCE == "merge_request_event"'}]
    pages = gitlab["pages"]
    assert pages["rules"] == [{"if": "$CI_COMMIT_BRANCH == $CI_DEFAULT_BRANCH"}]
    assert pages["artifacts"]["paths"] == ["public"]
    assert pages["variables"]["SITE_URL"] == "$CI_PAGES_URL"
    assert gitlab["image"] == "python:3.11"
    assert gitlab["cache"]["paths"] == [".cache/pip"]


def test_the_publishing_page_shows_the_workflow_as_it_is() -> None:
    blocks = yaml_blocks(PAGE.read_text("utf-8"))
    assert WORKFLOW.read_text("utf-8") in blocks


def test_the_publishing_page_is_in_the_nav() -> None:
    # mkdocs.yml has Python tags (!ENV, !!python/name) that safe_load refuses.
    text = (REPO / "mkdocs.yml").read_text("utf-8")
    assert re.search(r"^  - Publishing: publishing\.md$", text, re.M)
