"""Public search addresses, included inside i18n_patterns as `path("search/", include(...))`:
`search:results` (the results page) and `search:suggest` (the autocomplete's JSON)."""

from django.urls import path

from . import suggest, views

app_name = "search"

urlpatterns = [
    path("", views.results, name="results"),
    path("suggest/", suggest.suggest, name="suggest"),
]
