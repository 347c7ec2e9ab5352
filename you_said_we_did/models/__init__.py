from .pages import Evidence, ProgressNote, Quote, UpdateIndexPage, UpdatePage
from .subscriptions import Delivery, Subscription

__all__ = [
    "Delivery",
    "Evidence",
    "ProgressNote",
    "Quote",
    "Subscription",
    "UpdateIndexPage",
    "UpdatePage",
]
