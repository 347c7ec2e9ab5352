"""Blocks that render GOV.UK Design System components, one template per component."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks

from .links import LinkBlock
from .text import TEMPLATES, ParagraphBlock

SIMPLE_TEXT = ["bold", "link", "ul", "ol"]


class InsetTextBlock(blocks.StructBlock):
    text = blocks.RichTextBlock(features=SIMPLE_TEXT)

    class Meta:
        icon = "openquote"
        label = _("Inset text")
        description = _("Sets apart a short piece of information, such as a quote or example.")
        template = TEMPLATES + "inset_text.html"


class WarningTextBlock(blocks.StructBlock):
    text = blocks.CharBlock(max_length=300)

    class Meta:
        icon = "warning"
        label = _("Warning text")
        description = _("Something people must know, such as a legal deadline. Use sparingly.")
        template = TEMPLATES + "warning_text.html"


class DetailsBlock(blocks.StructBlock):
    summary = blocks.CharBlock(label=_("summary"), max_length=120)
    text = blocks.RichTextBlock(features=SIMPLE_TEXT)

    class Meta:
        icon = "collapse-down"
        label = _("Details (show and hide)")
        description = _("Extra help that only some people need, hidden until opened.")
        template = TEMPLATES + "details.html"


class AccordionSectionBlock(blocks.StructBlock):
    heading = blocks.CharBlock(max_length=120)
    summary = blocks.CharBlock(max_length=200, required=False, default="")
    content = ParagraphBlock()


class AccordionBlock(blocks.StructBlock):
    sections = blocks.ListBlock(AccordionSectionBlock(), min_num=1)

    class Meta:
        icon = "list-ul"
        label = _("Accordion")
        description = _("Several related sections people can open one at a time.")
        template = TEMPLATES + "accordion.html"


class SummaryListRowBlock(blocks.StructBlock):
    key = blocks.CharBlock(label=_("term"), max_length=120)
    value = blocks.RichTextBlock(label=_("description"), features=SIMPLE_TEXT)


class SummaryListBlock(blocks.StructBlock):
    rows = blocks.ListBlock(SummaryListRowBlock(), min_num=1)

    class Meta:
        icon = "table"
        label = _("Summary list")
        description = _("Pairs of a term and its meaning, such as key facts or dates.")
        template = TEMPLATES + "summary_list.html"


class StepBlock(blocks.StructBlock):
    title = blocks.CharBlock(max_length=120)
    timing = blocks.CharBlock(
        max_length=80,
        required=False,
        default="",
        help_text=_("When this step happens, for example 'Within 6 weeks'."),
    )
    content = ParagraphBlock()


class StepByStepBlock(blocks.StructBlock):
    """A numbered sequence of steps with timings, such as the EHC needs assessment."""

    title = blocks.CharBlock(max_length=120)
    steps = blocks.ListBlock(StepBlock(), min_num=2)

    class Meta:
        icon = "order"
        label = _("Step by step")
        description = _("Numbered steps in order, each with an optional timing.")
        template = TEMPLATES + "step_by_step.html"


class CallToActionBlock(blocks.StructBlock):
    link = LinkBlock()
    start = blocks.BooleanBlock(
        required=False,
        label=_("start button"),
        help_text=_("Show as a start button with an arrow, to begin a service or form."),
    )

    class Meta:
        icon = "link"
        label = _("Button")
        description = _("A button that takes people to the next thing to do.")
        template = TEMPLATES + "call_to_action.html"
