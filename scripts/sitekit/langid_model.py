"""The language identifier (py3langid): its model unpacked once, and many texts judged
at once.

py3langid ships its model compressed with LZMA; unpacking it takes about
0.6 s, longer than rendering every page of the site. The first run keeps the
unpacked model in the virtual environment (``<venv>/share/sitekit/``), and
later runs map it into memory, reading only what they use. Where that folder
cannot be written, the model is unpacked every time, as py3langid itself does.

``rank_many`` gives py3langid's probabilities for a whole list of texts in one
vectorised pass (see the notes above it); ``identifier`` is py3langid's own,
one text at a time.
"""

from __future__ import annotations

import contextlib
import importlib.util
import lzma
import shutil
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
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
def model_arrays() -> dict[str, Any]:
    """The model's arrays: mapped from the unpacked copy (nothing read until used), or
    unpacked in memory as py3langid does."""
    import numpy as np
    from py3langid.langid import MODEL_DIR, MODEL_FILE

    unpacked = _unpacked()
    if unpacked is not None:
        with contextlib.suppress(OSError, ValueError):  # damaged: unpacked again below
            return {name: np.load(unpacked / f"{name}.npy", mmap_mode="r") for name in _ARRAYS}
    with lzma.open(MODEL_DIR / MODEL_FILE) as source, np.load(source) as data:
        return {name: data[name] for name in _ARRAYS}


@cache
def identifier(languages: tuple[str, ...]) -> Any:
    """py3langid's identifier, choosing between ``languages``, giving probabilities."""
    from py3langid.langid import LanguageIdentifier

    # py3langid's own conversion of the stored arrays (the same as its load_model).
    from py3langid.modelio import _to_array

    data = model_arrays()
    found = LanguageIdentifier(
        data["ptc"],
        data["pc"],
        data["classes"].tolist(),
        _to_array(data["nextmove"]),
        data["out_feat"].tolist(),
        norm_probs=True,
        tk_row=_to_array(data["nextmove_row"]),
    )
    found.set_languages(list(languages))
    return found


# --- Many texts at once -----------------------------------------------------------------
#
# py3langid walks a text's bytes through its automaton in a Python loop, one text at a
# time: that loop was most of the language check. Here the texts are packed end to end
# into lanes, separated by a byte that sends the automaton back to its start state (so
# each text is read from the start, as py3langid reads it), and one numpy step moves
# every lane on by one byte. The features found are counted per text and scored with
# the model's table all at once: py3langid's own arithmetic (log(1 + count) times the
# feature's weight per language, plus the prior; divided by the square root of the
# text's length in bytes; normalised), so the probabilities are py3langid's.

_RESET = 0xFF  # never in UTF-8; checked to lead back to the start state
_LANES = 4096  # texts walked side by side
_PART = 1 << 20  # bytes scored at a time (bounded memory)
_LONG = 1 << 13  # a longer text is read by py3langid itself: its lane would hold up the rest


@dataclass(frozen=True)
class _Tables:
    nextmove: Any  # the automaton: next state = nextmove[rowbase[state] + byte]
    rowbase: Any
    output: Any  # the feature counted in each state, or -1
    ptc: Any  # the weight of each feature in each language
    pc: Any  # the prior of each language
    codes: tuple[str, ...]  # the language of each column (a code may have two)


@cache
def _tables(languages: tuple[str, ...]) -> _Tables:
    """The model's tables for ``languages`` (as py3langid's set_languages selects them)."""
    import numpy as np

    data = model_arrays()
    classes = [str(code) for code in data["classes"].tolist()]
    if unknown := set(languages) - set(classes):
        raise ValueError(f"unknown language codes: {sorted(unknown)}")
    picked = [index for index, code in enumerate(classes) if code in languages]
    return _Tables(
        np.asarray(data["nextmove"]),
        np.asarray(data["nextmove_row"], dtype=np.int64) << 8,
        np.asarray(data["out_feat"], dtype=np.int32),
        np.asarray(data["ptc"][:, picked], dtype=np.float32),
        np.asarray(data["pc"][picked], dtype=np.float64),
        tuple(classes[index] for index in picked),
    )


def rank_many(languages: tuple[str, ...], texts: Sequence[str]) -> tuple[tuple[str, ...], Any]:
    """py3langid's probability of each of ``languages`` for each text (as its ``rank``):
    the languages, and one row of probabilities per text."""
    import numpy as np
    from py3langid.langid import LanguageIdentifier

    model = _tables(languages)
    labels = tuple(dict.fromkeys(model.codes))  # a code may have two columns (srl, sr)
    found = np.zeros((len(texts), len(labels)), dtype=np.float64)
    encoded = [LanguageIdentifier._encode(text) for text in texts]
    resets = model.output[0] < 0 and bool((model.nextmove[model.rowbase + _RESET] == 0).all())
    walked = [index for index, text in enumerate(encoded) if resets and len(text) <= _LONG]
    if walked:
        found[walked] = _rank_in_lanes([encoded[index] for index in walked], model)
    for index in sorted(set(range(len(texts))) - set(walked)):  # one by one, as py3langid
        ranked = dict(identifier(languages).rank(texts[index]))
        found[index] = [ranked[code] for code in labels]
    return labels, found


def _rank_in_lanes(encoded: list[bytes], model: _Tables) -> Any:
    """The probabilities of each text, walked in lanes; one column per label."""
    import numpy as np

    lanes = _pack(encoded)
    order = [index for lane in lanes for index in lane]  # the texts as the lanes read them
    owners, features = _walk([[encoded[index] for index in lane] for lane in lanes], model)
    walked = np.zeros((len(order), len(model.codes)), dtype=np.float64)
    step = max(1, _PART // owners.shape[1])
    for lane in range(0, len(owners), step):
        _add_scores(walked, owners[lane : lane + step], features[lane : lane + step], model)
    scores = np.empty_like(walked)
    scores[order] = walked
    scores /= np.sqrt([len(text) or 1 for text in encoded])[:, None]
    scores = np.exp(scores - scores.max(axis=1, keepdims=True))
    scores /= scores.sum(axis=1, keepdims=True)
    columns: dict[str, int] = {}
    for index, code in enumerate(model.codes):
        if code in columns:  # the second column of a label: one score
            scores[:, columns[code]] += scores[:, index]
        else:
            columns[code] = index
    return scores[:, list(columns.values())]


def _walk(lanes: list[list[bytes]], model: _Tables) -> tuple[Any, Any]:
    """(number of the text in lane order, or -1; feature counted, or -1) at every byte,
    one row per lane."""
    import numpy as np

    reset = bytes([_RESET])
    steps = max(sum(len(text) + 1 for text in lane) for lane in lanes)
    stream: list[bytes] = []
    owners: list[int] = []  # each text and each reset byte (-1), in lane order
    sizes: list[int] = []
    number = 0
    for lane in lanes:
        joined = b"".join(text + reset for text in lane)
        stream.append(joined.ljust(steps, reset))
        for text in lane:
            owners += [number, -1]
            sizes += [len(text), 1]
            number += 1
        owners.append(-1)
        sizes.append(steps - len(joined))
    read = np.frombuffer(b"".join(stream), dtype=np.uint8).reshape(len(lanes), steps)
    read = read.T.copy()  # one row per step, all lanes side by side
    features = np.empty((steps, len(lanes)), dtype=np.int32)
    state = np.zeros(len(lanes), dtype=np.int64)
    for step in range(steps):
        state = model.nextmove[model.rowbase[state] + read[step]]
        features[step] = model.output[state]
    owner = np.repeat(np.array(owners, dtype=np.int32), sizes).reshape(len(lanes), steps)
    return owner, features.T


def _pack(encoded: list[bytes]) -> list[list[int]]:
    """Which texts each lane reads: the longest first, each into the shortest lane."""
    import heapq

    total = sum(len(text) + 1 for text in encoded)
    longest = max(len(text) + 1 for text in encoded)
    count = max(1, min(_LANES, total // longest))
    shortest = [(0, lane) for lane in range(count)]  # (bytes so far, lane)
    lanes: list[list[int]] = [[] for _ in range(count)]
    for index in sorted(range(len(encoded)), key=lambda i: -len(encoded[i])):
        size, lane = heapq.heappop(shortest)
        lanes[lane].append(index)
        heapq.heappush(shortest, (size + len(encoded[index]) + 1, lane))
    return lanes


def _add_scores(scores: Any, owners: Any, features: Any, model: _Tables) -> None:
    """Add the naive-Bayes score of each language of the texts read in some lanes
    (numbered in lane order, so these lanes read texts first, first + 1, ...)."""
    import numpy as np

    found = features >= 0  # never at a reset byte
    owner = owners[found]
    if not len(owner):
        return  # no feature: every language equally likely, as in py3langid
    first, size = int(owner[0]), len(model.ptc)
    small = (int(owner[-1]) - first + 1) * size < 1 << 31  # sorting 32 bits is faster
    keys = (owner - first).astype(np.int32 if small else np.int64) * size + features[found]
    keys.sort()
    starts = np.flatnonzero(np.diff(keys, prepend=-1))  # one per (text, feature)
    counts = np.diff(starts, append=len(keys)).astype(np.float32)
    text, feature = np.divmod(keys[starts], size)
    weights = model.ptc[feature]
    weights *= np.log1p(counts)[:, None]
    each = np.flatnonzero(np.diff(text, prepend=-1))  # each text's first feature
    scores[first + text[each]] = np.add.reduceat(weights, each, axis=0) + model.pc
