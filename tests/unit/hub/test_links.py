"""Links chosen in StreamFields: which fields can hold one, and what localizing them costs."""

import pytest
from django.db import connection
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from wagtail import blocks

from consultations.factories import ConsultationPageFactory, question, step
from consultations.models import ConsultationPage
from home.models import EasyReadPage, HomePage, InformationPage
from hub.blocks import LinkBlock
from hub.blocks.links import can_contain_link
from hub.factories import AccessibleImageFactory
from hub.models import BasePage
from hub.models.pages import _link_stream_fields
from outcomes.factories import AmbitionFactory, OutcomeFactory


def test_links_are_found_however_deeply_they_are_nested():
    class Card(blocks.StructBlock):
        links = blocks.ListBlock(LinkBlock())

    nested = blocks.StreamBlock([("group", blocks.StreamBlock([("card", Card())]))])
    assert can_contain_link(LinkBlock())
    assert can_contain_link(blocks.ListBlock(LinkBlock()))
    assert can_contain_link(nested)
    assert not can_contain_link(blocks.StreamBlock([("text", blocks.CharBlock())]))
    assert not can_contain_link(
        blocks.StructBlock([("list", blocks.ListBlock(blocks.CharBlock()))])
    )


def test_only_stream_fields_that_can_hold_a_link_are_walked():
    assert _link_stream_fields(HomePage) == ("routes", "body")
    assert _link_stream_fields(InformationPage) == ("body",)
    assert _link_stream_fields(EasyReadPage) == ()
    assert _link_stream_fields(ConsultationPage) == ()


@pytest.mark.django_db
def test_localizing_links_does_not_load_a_consultations_questionnaire(home):
    """The questionnaire has no links; loading it (pictures, ambitions, outcomes) cost a
    consultation page view queries for nothing (six for the demo strategy consultation)."""
    ambition, outcome, picture = AmbitionFactory(), OutcomeFactory(), AccessibleImageFactory()
    tagged = {"ambitions": [ambition.pk], "outcomes": [outcome.pk], "picture": picture.pk}
    consultation = ConsultationPageFactory(
        parent=home,
        questionnaire=[
            step(
                "One",
                question("yes_no", "a", "A?", **tagged),
                question("agree_scale", "b", "B?", **tagged),
            ),
            step("Two", question("long_text", "c", "C?", **tagged)),
        ],
    )
    request = RequestFactory().get(consultation.url)
    page = ConsultationPage.objects.get(pk=consultation.pk)
    with CaptureQueriesContext(connection) as queries:
        BasePage.get_context(page, request)
    assert len(queries) == 0


@pytest.mark.django_db
def test_links_share_one_look_up_of_the_sites_root_paths(home, client):
    """Each link's address used to read the site's root paths from the cache itself (a Redis
    round trip each in production, 17 on the demo home page); with the request they share it."""
    from unittest import mock

    from wagtail.models import Site

    from home.factories import InformationPageFactory

    targets = [InformationPageFactory(parent=home, title=f"Target {n}") for n in range(6)]

    def routes(count):
        links = [{"text": page.title, "page": page.pk, "url": ""} for page in targets[:count]]
        return [
            {"type": "route", "value": {"heading": "Parents", "description": "d", "links": links}}
        ]

    def look_ups(count):
        home.routes = routes(count)
        home.save()
        client.get(home.url)  # the first view after a save fills per-process caches
        with mock.patch.object(
            Site, "get_site_root_paths", wraps=Site.get_site_root_paths
        ) as spied:
            response = client.get(home.url)
        assert response.status_code == 200
        for page in targets[:count]:
            assert f'href="{page.url}"' in response.content.decode()
        return spied.call_count

    assert look_ups(6) == look_ups(1)
