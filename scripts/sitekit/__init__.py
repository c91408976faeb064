"""The site's own tooling: content checks, build verification and MkDocs hooks.

One module per concern; the scripts in ``scripts/`` are thin entry points.
"""
