"""Translation freshness: which sections of the English page changed since translation."""

from __future__ import annotations

from collections.abc import Iterator

from sitekit.checks.context import Context
from sitekit.freshness import FIELD, describe, outdated_sections
from sitekit.report import Problem, notice


def check(context: Context) -> Iterator[Problem]:
    site = context.site
    for _, english in sorted(site.english().items()):
        for lang in site.translations:
            translation = site.counterpart(english, lang.code)
            if translation is None:
                continue
            changed = outdated_sections(translation, english)
            if not changed:
                continue
            safety = [s for s in changed if s in context.model.safety_sections]
            verb = "changed" if len(changed) > 1 else "has changed"
            message = f"{describe(changed)} {verb} in English since this translation was made"
            if safety:
                message += (
                    f" ({describe(safety)}: safety information; readers see a prominent "
                    "'changed in English' notice there)"
                )
            else:
                message += "; readers see a notice at each changed section"
            yield notice(
                translation.display,
                translation.line_of(FIELD),
                "outdated",
                message + ".",
                f"see what changed: python scripts/status.py --diff {translation.display}; "
                f"update the translation, then run: python scripts/check.py --mark-translated "
                f"{translation.display}",
            )
