"""Shared fixtures (the built fixture site) and the two tiers of the suite.

``make test-fast`` runs ``pytest -m "not slow"``: every test that starts no
subprocess (no spaCy in a child, no ``briefkit`` command, no server), builds no
site and opens no browser. The tier keeps itself honest: a test not marked
``slow`` that starts a subprocess or a site build fails, saying so. Mark a whole
module with ``pytestmark = pytest.mark.slow``, or one test with the decorator.
"""

from __future__ import annotations

import subprocess
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
from helpers import build, make_project


@pytest.fixture(scope="session")
def built_fixture_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    project = make_project(tmp_path_factory.mktemp("fixture-site"))
    result = build(project)
    assert result.returncode == 0, result.stderr
    return project / "site"


class SlowWork(AssertionError):
    """A test outside the slow tier did what only that tier may."""


@contextmanager
def _fast_only(nodeid: str) -> Iterator[None]:
    import mkdocs.commands.build as mkdocs_build

    def refuse(what: str) -> Any:
        def refused(*_args: Any, **_kwargs: Any) -> Any:
            raise SlowWork(
                f"{nodeid} {what}: mark it @pytest.mark.slow (make test-fast leaves such tests "
                "to make test)"
            )

        return refused

    popen, mkdocs = subprocess.Popen.__init__, mkdocs_build.build
    subprocess.Popen.__init__ = refuse("starts a subprocess")  # type: ignore[method-assign]
    mkdocs_build.build = refuse("builds a site")
    try:
        yield
    finally:
        subprocess.Popen.__init__ = popen  # type: ignore[method-assign]
        mkdocs_build.build = mkdocs


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_protocol(item: pytest.Item, nextitem: pytest.Item | None) -> Iterator[None]:
    if item.get_closest_marker("slow") is not None:
        yield
        return
    with _fast_only(item.nodeid):
        yield
