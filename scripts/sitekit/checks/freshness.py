"""Translation freshness: which sections of the English page changed since translation."""

from __future__ import annotations

from collections.abc import Iterator

from sitekit.checks import Context
from sitekit.freshness import FIELD, outdated_sections
from sitekit.report import Problem, notice


def describe(sections: list[str]) -> str:
    """'{#risks} and {#urgent-help}' for a list of section IDs."""
    names = [
        f"{{#{s}}}" if not s.startswith("_") else "the title and introduction" for s in sections
    ]
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


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
