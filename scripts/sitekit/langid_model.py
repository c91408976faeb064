"""The language identifier (py3langid), with its model unpacked once.

py3langid ships its model compressed with LZMA; unpacking it takes about
0.6 s, longer than rendering every page of the site. The first run keeps the
unpacked model in the virtual environment (``<venv>/share/sitekit/``), and
later runs read it in about 0.1 s. Where that folder cannot be written, the
model is unpacked every time, as py3langid itself does.
"""

from __future__ import annotations

import contextlib
import lzma
import os
import shutil
import sys
import tempfile
from functools import cache
from importlib.metadata import version
from pathlib import Path
from typing import Any

import numpy as np
from py3langid.langid import MODEL_DIR, MODEL_FILE, LanguageIdentifier

# py3langid's own conversion of the stored arrays (the same as its load_model).
from py3langid.modelio import _to_array

CACHE_DIR = Path(sys.prefix) / "share" / "sitekit"


def _unpacked() -> Path | None:
    """The unpacked model, written on first use; None if it cannot be kept."""
    packed = MODEL_DIR / MODEL_FILE
    target = CACHE_DIR / f"py3langid-{version('py3langid')}-{packed.stat().st_size}.npz"
    if target.is_file():
        return target
    try:
        CACHE_DIR.mkdir(parents=True, exist_ok=True)
        handle, name = tempfile.mkstemp(dir=CACHE_DIR, suffix=".part")
        temporary = Path(name)
        try:
            with os.fdopen(handle, "wb") as out, lzma.open(packed) as source:
                shutil.copyfileobj(source, out, length=1 << 20)
            temporary.replace(target)  # whole, or not there at all
        finally:
            temporary.unlink(missing_ok=True)
    except OSError:
        return None
    return target


@cache
def identifier(languages: tuple[str, ...]) -> Any:
    """An identifier that chooses between ``languages``, giving probabilities."""
    found = None
    unpacked = _unpacked()
    if unpacked is not None:
        with (
            contextlib.suppress(OSError, ValueError, KeyError),  # damaged: unpack again
            np.load(unpacked, allow_pickle=False) as data,
        ):
            found = LanguageIdentifier(
                data["ptc"],
                data["pc"],
                data["classes"].tolist(),
                _to_array(data["nextmove"]),
                data["out_feat"].tolist(),
                norm_probs=True,
                tk_row=_to_array(data["nextmove_row"]),
            )
    if found is None:
        found = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    found.set_languages(list(languages))
    return found
