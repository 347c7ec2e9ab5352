from django.utils.translation import gettext_lazy as _
from wagtail import blocks

TEMPLATES = "components/streamfield/blocks/"


class ParagraphBlock(blocks.RichTextBlock):
    """Body text. Headings inside it are h2 and h3 only, to keep the page outline sound."""

    def __init__(self, **kwargs):
        kwargs.setdefault("features", ["h2", "h3", "bold", "ol", "ul", "link", "document-link"])
        super().__init__(**kwargs)

    class Meta:
        icon = "pilcrow"
        label = _("Text")
        description = _("Paragraphs, lists and links. Keep sentences short.")
        template = TEMPLATES + "paragraph.html"


class HeadingBlock(blocks.StructBlock):
    """A section heading that also appears in the page's contents list."""

    text = blocks.CharBlock(label=_("heading"), max_length=120)
    level = blocks.ChoiceBlock(
        choices=[("h2", _("Section (h2)")), ("h3", _("Sub-section (h3)"))], default="h2"
    )

    class Meta:
        icon = "title"
        label = _("Heading")
        description = _("Starts a new section of the page.")
        template = TEMPLATES + "heading.html"
        preview_value = {"text": "What happens next", "level": "h2"}
