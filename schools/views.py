"""The public views behind SchoolFinderPage's routes: search, suggestions for the autocomplete,
a school and a Community of Schools. Used by parents, carers and SENCos; every listing here is
one query, whatever the number of schools (pinned in tests/unit/schools/test_public_pages.py).
"""

from __future__ import annotations

from django.conf import settings
from django.core.paginator import Paginator
from django.db.models import Count, Q
from django.http import Http404, HttpRequest, JsonResponse
from django.utils import translation
from django.utils.translation import gettext as _

from hub.pagination import govuk_pagination
from schools.forms import SchoolSearchForm
from schools.models import CommunityOfSchools, School, SchoolFinderPage
from schools.text import fold

RESULTS_PER_PAGE = 20
SUGGESTIONS = 8
# More words than this is not a school name; it only makes the query longer.
MAX_WORDS = 8
# URNs are six digits today; anything beyond a 32-bit integer cannot exist and would overflow
# the database's integer column (a 500) if looked up.
MAX_URN = 2_147_483_647


def search_words(text: str) -> list[str]:
    return fold(text).split()[:MAX_WORDS]


def search(page: SchoolFinderPage, request: HttpRequest):
    """The finder: a search box and, once searched, paginated matching open schools."""
    form = SchoolSearchForm(request.GET or None)
    results = None
    query = ""
    if form.is_bound and form.is_valid():
        query = form.cleaned_data["q"].strip()
    words = search_words(query)
    if words:
        schools = (
            School.objects.open()
            .matching(words)
            .select_related("community")
            .order_by("name", "urn")
        )
        results = Paginator(schools, RESULTS_PER_PAGE).get_page(request.GET.get("page"))
    finder_url = page.get_url(request)
    return page.render(
        request,
        context_overrides={
            "form": form,
            "query": query,
            "searched": bool(words),
            "results": results,
            "pagination": govuk_pagination(request, results) if results is not None else None,
            "finder_url": finder_url,
        },
    )


def suggest(page: SchoolFinderPage, request: HttpRequest) -> JsonResponse:
    """Up to eight schools for the autocomplete, as JSON: {"results": [{name, town, ...}]}."""
    words = search_words(request.GET.get("q", "")[:200])
    results = []
    if words and len("".join(words)) >= 2:
        finder_url = page.get_url(request)
        schools = (
            School.objects.open()
            .matching(words)
            .order_by("name", "urn")
            .only("urn", "name", "town", "postcode")[:SUGGESTIONS]
        )
        results = [
            {
                "urn": school.urn,
                "name": school.name,
                "town": school.town,
                "postcode": school.postcode,
                "url": f"{finder_url}school/{school.urn}/",
            }
            for school in schools
        ]
    response = JsonResponse({"results": results})
    response["Cache-Control"] = "max-age=300"
    return response


def school(page: SchoolFinderPage, request: HttpRequest, urn: int):
    """One school: its SEND Information Report, SENCo (with consent) and Community of Schools."""
    if urn > MAX_URN:
        raise Http404
    try:
        school = School.objects.select_related("community").get(urn=urn)
    except School.DoesNotExist as missing:
        raise Http404 from missing
    return page.render(
        request,
        template="schools/school.html",
        context_overrides={
            "school": school,
            "finder_url": page.get_url(request),
            "trail": breadcrumb_trail(page),
        },
    )


def communities(page: SchoolFinderPage, request: HttpRequest):
    """Every Community of Schools, grouped by area, with how many open schools each has."""
    listed = CommunityOfSchools.objects.annotate(
        school_count=Count("schools", filter=Q(schools__closed=False))
    ).order_by("area", "name")
    return page.render(
        request,
        template="schools/communities.html",
        context_overrides={
            "communities": listed,
            "finder_url": page.get_url(request),
            "trail": breadcrumb_trail(page),
        },
    )


def community(page: SchoolFinderPage, request: HttpRequest, slug: str):
    """One Community of Schools: what communities do, and its open schools."""
    try:
        community = CommunityOfSchools.objects.get(slug=slug)
    except CommunityOfSchools.DoesNotExist as missing:
        raise Http404 from missing
    members = community.schools.open().order_by("name", "urn")
    finder_url = page.get_url(request)
    return page.render(
        request,
        template="schools/community.html",
        context_overrides={
            "community": community,
            "members": members,
            "finder_url": finder_url,
            "trail": breadcrumb_trail(page, (_("Communities of Schools"), "communities/")),
        },
    )


def breadcrumb_trail(page: SchoolFinderPage, *extra: tuple[str, str]) -> list[dict]:
    """Breadcrumbs for a route: the page's ancestors, the finder page itself, then `extra`
    (text, path under the finder page). One query."""
    # Untranslated copies (aliases) show the default language's titles: mark them so.
    in_default = translation.get_language() == settings.LANGUAGE_CODE

    def lang(item) -> str | None:
        return settings.LANGUAGE_CODE if item.alias_of_id and not in_default else None

    trail = [
        {"title": ancestor.title, "url": ancestor.url, "lang": lang(ancestor)}
        for ancestor in page.get_ancestors().filter(depth__gt=1).live()
    ]
    finder_url = page.url
    trail.append({"title": page.title, "url": finder_url, "lang": lang(page)})
    trail.extend({"title": text, "url": finder_url + path, "lang": None} for text, path in extra)
    return trail
