"""Shared fixtures: the built fixture site."""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers import build, make_project


@pytest.fixture(scope="session")
def built_fixture_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    project = make_project(tmp_path_factory.mktemp("fixture-site"))
    result = build(project)
    assert result.returncode == 0, result.stderr
    return project / "site"
