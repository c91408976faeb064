"""The language identifier (py3langid), with its model unpacked once.

py3langid ships its model compressed with LZMA; unpacking it takes about
0.6 s, longer than rendering every page of the site. The first run keeps the
unpacked model in the virtual environment (``<venv>/share/sitekit/``), and
later runs read it in about 0.1 s. Where that folder cannot be written, the
model is unpacked every time, as py3langid itself does.
"""

from __future__ import annotations

import contextlib
import importlib.util
import lzma
import shutil
import tempfile
from functools import cache
from pathlib import Path
from typing import Any

from sitekit.paths import CACHE_DIR

# py3langid and numpy are imported when a text is first judged.

_ARRAYS = ("ptc", "pc", "classes", "nextmove", "nextmove_row", "out_feat")


def _unpacked() -> Path | None:
    """The unpacked model (one .npy file per array), written on first use; None if
    it cannot be kept."""
    import numpy as np
    from py3langid.langid import MODEL_DIR, MODEL_FILE

    packed = MODEL_DIR / MODEL_FILE
    stat = packed.stat()
    target = CACHE_DIR / f"py3langid-model-{stat.st_size}-{stat.st_mtime_ns}"
    if target.is_dir():
        return target
    try:
        CACHE_DIR.mkdir(parents=True, exist_ok=True)
        staging = Path(tempfile.mkdtemp(dir=CACHE_DIR, prefix=".unpacking-"))
        try:
            with lzma.open(packed) as source, np.load(source) as data:
                for name in _ARRAYS:
                    np.save(staging / f"{name}.npy", data[name], allow_pickle=False)
            staging.replace(target)  # whole, or not there at all
        finally:
            shutil.rmtree(staging, ignore_errors=True)
    except OSError:
        return None
    return target


def model_file() -> Path:
    """The model py3langid ships (found without importing py3langid)."""
    spec = importlib.util.find_spec("py3langid")
    return Path(spec.origin if spec and spec.origin else "").parent / "data" / "model.npz.xz"


@cache
def identifier(languages: tuple[str, ...]) -> Any:
    """An identifier that chooses between ``languages``, giving probabilities."""
    import numpy as np
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    # py3langid's own conversion of the stored arrays (the same as its load_model).
    from py3langid.modelio import _to_array

    found = None
    unpacked = _unpacked()
    if unpacked is not None:
        with contextlib.suppress(OSError, ValueError):  # damaged: py3langid unpacks it
            data = {name: np.load(unpacked / f"{name}.npy") for name in _ARRAYS}
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
