from .pages import ConsultationPage
from .progress import SavedProgress
from .responses import Answer, OutcomeSubscription, Response, Theme

__all__ = [
    "Answer",
    "ConsultationPage",
    "OutcomeSubscription",
    "Response",
    "SavedProgress",
    "Theme",
]
