"""Addresses outside the page tree: RFC 8058 one-click unsubscribe, which mail programs POST to
without cookies or a CSRF token (Wagtail's page serving checks CSRF before a route runs).

hub/urls.py mounts these under "updates.unsubscribe/": a Wagtail slug cannot contain a dot, so no
page's address (nor its routes, like an updates index's own unsubscribe page) is ever hidden.
"""

from django.urls import path

from .subscribe import ONE_CLICK_URL_NAME, one_click_unsubscribe

urlpatterns = [
    path("<str:token>/", one_click_unsubscribe, name=ONE_CLICK_URL_NAME),
]
