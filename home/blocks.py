"""The deliberately small StreamBlocks each editorial page type offers its editors."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks

from hub import blocks as hub_blocks


class InformationStreamBlock(blocks.StreamBlock):
    heading = hub_blocks.HeadingBlock()
    paragraph = hub_blocks.ParagraphBlock()
    inset_text = hub_blocks.InsetTextBlock()
    warning_text = hub_blocks.WarningTextBlock()
    details = hub_blocks.DetailsBlock()
    accordion = hub_blocks.AccordionBlock()
    summary_list = hub_blocks.SummaryListBlock()
    step_by_step = hub_blocks.StepByStepBlock()
    call_to_action = hub_blocks.CallToActionBlock()
    image = hub_blocks.ImageBlock()
    video = hub_blocks.VideoBlock()


class EasyReadStreamBlock(blocks.StreamBlock):
    heading = hub_blocks.HeadingBlock()
    row = hub_blocks.EasyReadRowBlock()


class AudienceRouteBlock(blocks.StructBlock):
    """One of the home page's routes in: parents and carers, young people, professionals."""

    heading = blocks.CharBlock(max_length=60, help_text=_("Who this route is for."))
    description = blocks.CharBlock(max_length=200)
    links = blocks.ListBlock(hub_blocks.LinkBlock(), min_num=1, max_num=6)

    class Meta:
        icon = "group"
        label = _("Route for an audience")
        template = "components/streamfield/blocks/audience_route.html"


class HomeRoutesBlock(blocks.StreamBlock):
    route = AudienceRouteBlock()

    class Meta:
        max_num = 4


class HomeStreamBlock(blocks.StreamBlock):
    heading = hub_blocks.HeadingBlock()
    paragraph = hub_blocks.ParagraphBlock()
    inset_text = hub_blocks.InsetTextBlock()
    call_to_action = hub_blocks.CallToActionBlock()
