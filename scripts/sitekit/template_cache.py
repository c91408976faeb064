"""Compiled theme templates kept in memory across the builds of one process.

MkDocs makes a new Jinja environment for every build, so every build compiled
Material's templates again: about 0.8 s of each preview rebuild and of each
language of a full build. Jinja's bytecode cache checks each template's source,
so an edited template is compiled afresh.
"""

from __future__ import annotations

from jinja2 import BytecodeCache
from jinja2.bccache import Bucket


class MemoryBytecodeCache(BytecodeCache):
    def __init__(self) -> None:
        self._code: dict[str, bytes] = {}

    def load_bytecode(self, bucket: Bucket) -> None:
        code = self._code.get(bucket.key)
        if code is not None:
            bucket.bytecode_from_string(code)

    def dump_bytecode(self, bucket: Bucket) -> None:
        self._code[bucket.key] = bucket.bytecode_to_string()

    def clear(self) -> None:
        self._code.clear()

    def __len__(self) -> int:
        return len(self._code)


CACHE = MemoryBytecodeCache()
