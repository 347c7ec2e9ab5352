"""An image model whose alternative text is required, so no image reaches a page without it."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.images.models import AbstractImage, AbstractRendition, Image


class AccessibleImage(AbstractImage):
    """Every image uploaded by editors. Alt text is required at upload, not left to chance."""

    alt_text = models.CharField(
        _("alternative text"),
        max_length=255,
        help_text=_(
            "Describe what the image shows for people who cannot see it, in one short sentence. "
            "Do not start with 'Image of'."
        ),
    )

    admin_form_fields = (*Image.admin_form_fields[:2], "alt_text", *Image.admin_form_fields[2:])

    @property
    def default_alt_text(self) -> str:
        return self.alt_text

    class Meta(AbstractImage.Meta):
        verbose_name = _("image")
        verbose_name_plural = _("images")


class AccessibleRendition(AbstractRendition):
    image = models.ForeignKey(AccessibleImage, on_delete=models.CASCADE, related_name="renditions")

    class Meta:
        unique_together = (("image", "filter_spec", "focal_point_key"),)
