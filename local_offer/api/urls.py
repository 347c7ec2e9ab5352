"""/api/openreferral/: the Open Referral UK 3.0 endpoints. Paths have no trailing slash, as the
ORUK specification writes them; a trailing slash is accepted too."""

from django.urls import re_path

from . import views

app_name = "openreferral"

urlpatterns = [
    re_path(r"^$", views.api_details, name="api_details"),
    re_path(r"^services/?$", views.services, name="services"),
    re_path(r"^services/(?P<service_id>[^/]+)/?$", views.service, name="service"),
    re_path(r"^taxonomies/?$", views.taxonomies, name="taxonomies"),
    re_path(r"^taxonomies/(?P<taxonomy_uuid>[^/]+)/?$", views.taxonomy, name="taxonomy"),
    re_path(r"^taxonomy_terms/?$", views.taxonomy_terms, name="taxonomy_terms"),
    re_path(r"^taxonomy_terms/(?P<term_id>[^/]+)/?$", views.taxonomy_term, name="taxonomy_term"),
    re_path(r"^organizations/?$", views.organizations, name="organizations"),
    re_path(
        r"^organizations/(?P<organization_id>[^/]+)/?$", views.organization, name="organization"
    ),
    re_path(r"^service_at_locations/?$", views.service_at_locations, name="service_at_locations"),
    re_path(
        r"^service_at_locations/(?P<sal_id>[^/]+)/?$",
        views.service_at_location,
        name="service_at_location",
    ),
]
