"""``status.py --diff``: the English changes a translation has not caught up with yet."""

from __future__ import annotations

import difflib

from sitekit import model
from sitekit.freshness import INTRO, describe, outdated_sections, recorded
from sitekit.history import History, SectionChange, section_changes
from sitekit.pages import Page


def _label(section: str) -> str:
    return "title and introduction" if section == INTRO else f"{{#{section}}}"


def _section_report(change: SectionChange, english: Page, history: History) -> list[str]:
    label = _label(change.section)
    title = label[0].upper() + label[1:] if change.section == INTRO else label
    if change.section in model.load().safety_sections:
        title += " (safety information: readers see a prominent notice)"
    when = (
        f"changed in English on {change.changed_on.isoformat()} (commit {change.changed.short})"
        if change.changed is not None and change.changed_on is not None
        else "changed in English (not committed yet)"
        if change.base is not None
        else "changed in English"
    )
    lines = ["", f"{title}: {when}"]
    if change.old_lines is None:
        lines.append(
            f"  The English text it was translated from is not available: {history.explain()}."
        )
        lines.append("  The English text now:")
        lines += [f"    {line}" for line in change.new_lines if line.strip()]
        return lines
    if change.base is None:
        source = f"{english.display} {label}: not in the version translated"
    else:
        source = (
            f"{english.display} {label} as translated "
            f"(commit {change.base.short}, {change.base.when.date().isoformat()})"
        )
    lines += difflib.unified_diff(
        _trimmed(change.old_lines),
        _trimmed(change.new_lines),
        fromfile=source,
        tofile=f"{english.display} {label} now",
        lineterm="",
    )
    return lines


def _trimmed(lines: list[str]) -> list[str]:
    """A section's lines without the blank lines around it."""
    start, end = 0, len(lines)
    while start < end and not lines[start].strip():
        start += 1
    while end > start and not lines[end - 1].strip():
        end -= 1
    return lines[start:end]


def report(translation: Page, english: Page, history: History) -> str:
    """What changed in English, section by section, since ``translation`` was made."""
    mark = f"python scripts/check.py --mark-translated {translation.display}"
    if recorded(translation) is None:
        return (
            f"{translation.display} does not record which English text it was translated "
            f"from.\nAfter translating it from {english.display}, run: {mark}\n"
        )
    sections = outdated_sections(translation, english)
    if not sections:
        return (
            f"{translation.display} is up to date: no section of {english.display} "
            "changed since it was translated.\n"
        )
    verb = "changed" if len(sections) > 1 else "has changed"
    lines = [
        f"{translation.display}: {describe(sections)} {verb} in English since it was translated."
    ]
    changes = section_changes(recorded(translation), english, sections, history)
    for change in changes:
        lines += _section_report(change, english, history)
    bases = [c.base for c in changes if c.base is not None]
    lines.append("")
    if bases:
        oldest = min(bases, key=lambda version: version.when)
        lines.append(f"The whole English change: git diff {oldest.short} -- {english.display}")
    lines.append(
        f"After updating the translation, run: {mark}  (add --section ID for one section, "
        "--no-change-needed if a change needs no translation)"
    )
    return "\n".join(lines) + "\n"
