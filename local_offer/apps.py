from django.apps import AppConfig


class LocalOfferConfig(AppConfig):
    """The Local Offer: the directory of SEND services and its Open Referral UK API."""

    name = "local_offer"
    default_auto_field = "django.db.models.BigAutoField"
