"""Shared StreamField blocks, split by kind. Page types compose small StreamBlocks from these."""

from .easy_read import EasyReadRowBlock
from .govuk import (
    AccordionBlock,
    CallToActionBlock,
    DetailsBlock,
    InsetTextBlock,
    StepByStepBlock,
    SummaryListBlock,
    WarningTextBlock,
)
from .links import LinkBlock
from .media import ImageBlock, VideoBlock
from .text import HeadingBlock, ParagraphBlock

__all__ = [
    "AccordionBlock",
    "CallToActionBlock",
    "DetailsBlock",
    "EasyReadRowBlock",
    "HeadingBlock",
    "ImageBlock",
    "InsetTextBlock",
    "LinkBlock",
    "ParagraphBlock",
    "StepByStepBlock",
    "SummaryListBlock",
    "VideoBlock",
    "WarningTextBlock",
]
