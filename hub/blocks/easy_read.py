from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.images.blocks import ImageChooserBlock

from .text import TEMPLATES


class EasyReadRowBlock(blocks.StructBlock):
    """One easy-read row: a picture beside a few short sentences, one idea per row."""

    image = ImageChooserBlock(
        required=False,
        help_text=_("A clear picture that shows the idea in the sentences."),
    )
    text = blocks.RichTextBlock(
        features=["bold", "ul", "link"],
        help_text=_("One idea. Use short sentences of 15 words or fewer and everyday words."),
    )

    class Meta:
        icon = "image"
        label = _("Easy read row")
        template = TEMPLATES + "easy_read_row.html"
