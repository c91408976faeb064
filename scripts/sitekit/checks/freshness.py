"""7. Translation freshness: a translation made from an older English text is outdated."""

from __future__ import annotations

from collections.abc import Iterator

from sitekit.checks import Context
from sitekit.freshness import english_hash
from sitekit.report import Problem, warning


def check(context: Context) -> Iterator[Problem]:
    site = context.site
    for _, english in sorted(site.english().items()):
        current = english_hash(english)
        for lang in site.translations:
            translation = site.counterpart(english, lang.code)
            recorded = translation.meta.get("translation_hash") if translation else None
            if translation is None or not isinstance(recorded, str) or recorded == current:
                continue
            yield warning(
                translation.display,
                translation.line_of("translation_hash"),
                "outdated",
                f"the English page has changed since this translation was made "
                f"(recorded {translation.meta['translation_hash']}, English is now "
                f"{current}); readers see an 'out of date' notice.",
                f"update the translation from {english.display}, then run: "
                f"python scripts/check.py --mark-translated {translation.display}",
            )
