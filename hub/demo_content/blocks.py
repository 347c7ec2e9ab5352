"""Small helpers that write StreamField blocks and rich text in Wagtail's raw JSON form.

The content modules read like the page they describe; these helpers keep the JSON shapes in one
place so a change to a block's fields is a change here, not in every content module.
"""

from collections.abc import Iterable
from html import escape


def p(*sentences: str) -> str:
    """One HTML paragraph. Sentences are passed separately to keep the source readable."""
    return f"<p>{' '.join(sentences)}</p>"


def ul(*items: str) -> str:
    return "<ul>" + "".join(f"<li>{item}</li>" for item in items) + "</ul>"


def ol(*items: str) -> str:
    return "<ol>" + "".join(f"<li>{item}</li>" for item in items) + "</ol>"


def b(text: str) -> str:
    return f"<b>{text}</b>"


def a(url: str, text: str) -> str:
    """A link to another website."""
    return f'<a href="{escape(url)}">{text}</a>'


def html(*parts: str) -> str:
    return "".join(parts)


def heading(text: str, level: str = "h2") -> dict:
    return {"type": "heading", "value": {"text": text, "level": level}}


def paragraph(*parts: str) -> dict:
    return {"type": "paragraph", "value": html(*parts)}


def inset(*parts: str) -> dict:
    return {"type": "inset_text", "value": {"text": html(*parts)}}


def warning(text: str) -> dict:
    return {"type": "warning_text", "value": {"text": text}}


def details(summary: str, *parts: str) -> dict:
    return {"type": "details", "value": {"summary": summary, "text": html(*parts)}}


def accordion(sections: Iterable[tuple[str, str, str]]) -> dict:
    """Sections as (heading, summary, content HTML)."""
    return {
        "type": "accordion",
        "value": {"sections": [{"heading": h, "summary": s, "content": c} for h, s, c in sections]},
    }


def summary_list(rows: Iterable[tuple[str, str]]) -> dict:
    """Rows as (term, description HTML)."""
    return {
        "type": "summary_list",
        "value": {"rows": [{"key": k, "value": v} for k, v in rows]},
    }


def step_by_step(title: str, steps: Iterable[tuple[str, str, str]]) -> dict:
    """Steps as (title, timing, content HTML)."""
    return {
        "type": "step_by_step",
        "value": {
            "title": title,
            "steps": [{"title": t, "timing": w, "content": c} for t, w, c in steps],
        },
    }


def button(text: str, *, page: int | None = None, url: str = "", start: bool = False) -> dict:
    """A call to action, to a page on this site (by id) or to another website."""
    return {
        "type": "call_to_action",
        "value": {"link": {"text": text, "page": page, "url": url}, "start": start},
    }


def link(text: str, *, page: int | None = None, url: str = "") -> dict:
    """A LinkBlock value: exactly one of page (id) or url."""
    return {"text": text, "page": page, "url": url}


def route(heading_text: str, description: str, links: list[dict]) -> dict:
    return {
        "type": "route",
        "value": {"heading": heading_text, "description": description, "links": links},
    }


def easy_read_row(*sentences: str) -> dict:
    """One easy-read idea. Each sentence becomes its own paragraph, as easy read asks."""
    return {
        "type": "row",
        "value": {"image": None, "text": "".join(f"<p>{s}</p>" for s in sentences)},
    }
