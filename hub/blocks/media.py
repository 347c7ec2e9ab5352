from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.embeds.blocks import EmbedBlock
from wagtail.images.blocks import ImageChooserBlock

from .text import TEMPLATES


class ImageBlock(blocks.StructBlock):
    """An image. Its alt text comes from the image library, where it is required."""

    image = ImageChooserBlock()
    caption = blocks.CharBlock(max_length=200, required=False, default="")

    class Meta:
        icon = "image"
        label = _("Image")
        template = TEMPLATES + "image.html"


class VideoBlock(blocks.StructBlock):
    """A video. A transcript is required so the content reaches people who cannot watch it."""

    title = blocks.CharBlock(max_length=120, help_text=_("Describes the video for screen readers."))
    video = EmbedBlock(help_text=_("A YouTube or Vimeo web address."))
    transcript = blocks.RichTextBlock(
        features=["bold", "ul", "ol", "link"],
        help_text=_("Everything said and shown in the video, as text."),
    )

    class Meta:
        icon = "media"
        label = _("Video")
        template = TEMPLATES + "video.html"
