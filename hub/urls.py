from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path
from django.views.decorators.cache import cache_control
from django.views.i18n import set_language
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls

from hub import views

handler400 = "hub.views.bad_request"
handler404 = "hub.views.page_not_found"
handler500 = "hub.views.server_error"

urlpatterns = [
    path("django-admin/", admin.site.urls),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("sitemap.xml", sitemap, name="sitemap"),
    path("robots.txt", views.robots_txt, name="robots_txt"),
    # Browsers keep the colours for five minutes; the page cache keeps them too, and forgets them
    # as soon as the council settings are saved (Django's cache_page would not).
    path("brand.css", cache_control(max_age=60 * 5)(views.brand_css), name="brand_css"),
    path("i18n/setlang/", set_language, name="set_language"),
    path("api/openreferral/", include("local_offer.api.urls")),
    # One-click unsubscribe for mail programs. The dot keeps it apart from every page address:
    # a Wagtail slug cannot contain one, so no page (an updates index slugged "updates") is hidden.
    path("updates.unsubscribe/", include("you_said_we_did.urls")),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

# English (the default language) lives at the root; other languages get a prefix: /pl/, /ur/.
urlpatterns += i18n_patterns(
    path("search/", include("search.urls")),
    path("", include(wagtail_urls)),
    prefix_default_language=False,
)
