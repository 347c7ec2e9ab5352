from collections.abc import Iterable, Iterator

from django.core.exceptions import ValidationError
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.blocks.list_block import ListValue
from wagtail.blocks.stream_block import StreamValue
from wagtail.blocks.struct_block import StructValue

from hub.locales import live_translations


class LinkValue(blocks.StructValue):
    # Set by localize_links: the chosen page in the language of the page showing the link.
    localized_page = None
    # Set by localize_links: the request showing the link. Wagtail keeps the site's root paths
    # on the request, so all the links on a page share one look-up; without it, each link reads
    # them from the cache again (a Redis round trip each in production: 17 on the home page).
    request = None

    @cached_property
    def href(self) -> str:
        page = self.localized_page or self.get("page")
        return page.get_url(request=self.request) if page else self.get("url", "")


def _values(value) -> Iterator:
    """Every block value inside a StreamField value, depth first."""
    if isinstance(value, StreamValue):
        for child in value:
            yield child.value
            yield from _values(child.value)
    elif isinstance(value, ListValue):
        for item in value:
            yield item
            yield from _values(item)
    elif isinstance(value, StructValue):
        for item in value.values():
            yield item
            yield from _values(item)


def can_contain_link(block: blocks.Block) -> bool:
    """Whether values of this block can hold a LinkBlock value anywhere inside them."""
    if isinstance(block, LinkBlock):
        return True
    if isinstance(block, blocks.ListBlock):
        return can_contain_link(block.child_block)
    if isinstance(block, (blocks.StreamBlock, blocks.StructBlock)):
        return any(can_contain_link(child) for child in block.child_blocks.values())
    return False


def localize_links(locale_id: int, stream_values: Iterable, request=None) -> None:
    """Point the links chosen in these StreamField values at the pages in `locale_id`.

    wagtail-localize keeps a chosen page as the original-language page in every translation, so
    a Polish page would link to English pages. Each link is given the linked page's translation
    (live) where there is one, in one query for the whole page whatever the number of links,
    and none at all when every link is already in the right language. Each link also gets the
    `request`, so working out its address costs no look-up of its own.
    """
    all_links = [
        value
        for stream_value in stream_values
        for value in _values(stream_value)
        if isinstance(value, LinkValue)
    ]
    for link in all_links:
        link.request = request
    links = [
        link
        for link in all_links
        if link.get("page") is not None and link["page"].locale_id != locale_id
    ]
    if not links:
        return
    translations = live_translations(locale_id, (link["page"].translation_key for link in links))
    for link in links:
        link.localized_page = translations.get(link["page"].translation_key)


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
