"""Helpers for tests: paths, and a throwaway copy of the project to build."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
FIXTURES = REPO / "tests" / "fixtures"
SHARED = REPO.parent / "shared"
SEED = SHARED / "seed" / "000_465411d9f143cfd2.txt"
MKDOCS = [sys.executable, "-m", "mkdocs"]


def make_project(tmp: Path, briefings: Path | None = None) -> Path:
    """A throwaway copy of the site's sources, with the given briefings."""
    project = tmp / "project"
    project.mkdir()
    for name in ("mkdocs.yml", "docs", "templates", "schema"):
        src = REPO / name
        if src.is_dir():
            shutil.copytree(src, project / name, symlinks=False)
        else:
            shutil.copy(src, project / name)
    shutil.copytree(briefings or FIXTURES / "corpus", project / "briefings")
    return project


def build(
    project: Path, *extra: str, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [*MKDOCS, "build", "--strict", *extra],
        cwd=project,
        capture_output=True,
        text=True,
        env={"NO_MKDOCS_2_WARNING": "1", "PATH": "/usr/bin:/bin", **(env or {})},
        timeout=300,
    )


class ServedCorpus:
    """A copy of the fixture corpus rendered as `mkdocs serve` renders it: one loader and
    one render cache across renders, so each render reuses what the last one made."""

    def __init__(self, tmp: Path, site_url: str | None = None) -> None:
        from briefkit.render import RenderCache
        from briefkit.store import CorpusLoader

        self.root = tmp / "briefings"
        shutil.copytree(FIXTURES / "corpus", self.root)
        self.loader = CorpusLoader(self.root, cache=True)
        self.cache = RenderCache()
        self.site_url = site_url

    def render(self) -> dict[str, object]:
        from briefkit.render import render_site

        corpus, problems = self.loader.load()
        assert problems == []
        self.cache.digests = self.loader.digests
        return render_site(corpus, REPO / "templates", cache=self.cache, site_url=self.site_url)

    def fresh(self) -> dict[str, object]:
        """What a one-off build renders from the same files."""
        from briefkit.render import render_site
        from briefkit.store import CorpusLoader

        corpus, _ = CorpusLoader(self.root).load()
        return render_site(corpus, REPO / "templates", site_url=self.site_url)
