"""Addresses outside the page tree: RFC 8058 one-click unsubscribe, which mail programs POST to
without cookies or a CSRF token (Wagtail's page serving checks CSRF before a route runs)."""

from django.urls import path

from .subscribe import ONE_CLICK_URL_NAME, one_click_unsubscribe

urlpatterns = [
    path("unsubscribe/<str:token>/", one_click_unsubscribe, name=ONE_CLICK_URL_NAME),
]
