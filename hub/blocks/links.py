from django.core.exceptions import ValidationError
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail import blocks


class LinkValue(blocks.StructValue):
    @cached_property
    def href(self) -> str:
        page = self.get("page")
        return page.url if page else self.get("url", "")


class LinkBlock(blocks.StructBlock):
    """A link to a page on this site or to another website, with the words people will click."""

    text = blocks.CharBlock(
        label=_("link text"),
        max_length=80,
        help_text=_(
            "Say where the link goes, for example 'Find a local service'. Never 'click here'."
        ),
    )
    page = blocks.PageChooserBlock(label=_("page on this site"), required=False)
    url = blocks.URLBlock(label=_("or another website"), required=False)

    class Meta:
        icon = "link"
        value_class = LinkValue

    def clean(self, value):
        value = super().clean(value)
        if bool(value.get("page")) == bool(value.get("url")):
            raise blocks.StructBlockValidationError(
                block_errors={
                    "url": ValidationError(_("Choose a page or enter a web address, not both."))
                }
            )
        return value
