from .council_text import CouncilText
from .images import AccessibleImage, AccessibleRendition
from .pages import BasePage
from .site_settings import CouncilSettings

__all__ = ["AccessibleImage", "AccessibleRendition", "BasePage", "CouncilSettings", "CouncilText"]
