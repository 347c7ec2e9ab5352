"""RSS and Atom feeds of updates: they parse, list only live updates (of one ambition when asked),
newest first, and refuse unknown feeds."""

from __future__ import annotations

import datetime
import xml.etree.ElementTree as ET

import pytest
from bs4 import BeautifulSoup
from django.utils import timezone
from wagtail.models import Locale

from outcomes.factories import AmbitionFactory
from you_said_we_did.factories import UpdateIndexPageFactory, UpdatePageFactory
from you_said_we_did.feeds import FEED_LENGTH

pytestmark = pytest.mark.django_db

ATOM = "{http://www.w3.org/2005/Atom}"


@pytest.fixture
def ambitions():
    return {n: AmbitionFactory(number=n, title=f"Ambition title {n}") for n in (1, 2)}


@pytest.fixture
def index(home):
    return UpdateIndexPageFactory(parent=home)


def published(index, title, days_ago, **kwargs):
    when = timezone.now() - datetime.timedelta(days=days_ago)
    return UpdatePageFactory(
        parent=index,
        title=title,
        first_published_at=when,
        last_published_at=when,
        **kwargs,
    )


@pytest.fixture
def updates(index, ambitions):
    return {
        "old": published(index, "Older update", 10, ambitions=[ambitions[1]]),
        "new": published(
            index,
            "Newer <update> & more",
            1,
            ambitions=[ambitions[2]],
            summary="Waits are <shorter>.",
            status="in-progress",
            progress=40,
        ),
        "both": published(index, "Both ambitions", 5, ambitions=[ambitions[1], ambitions[2]]),
        "draft": published(index, "Draft update", 0, ambitions=[ambitions[1]], live=False),
    }


def rss_items(response) -> list[ET.Element]:
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/rss+xml")
    root = ET.fromstring(response.content)
    assert root.tag == "rss"
    channel = root.find("channel")
    assert channel is not None and channel.findtext("title")
    return channel.findall("item")


def atom_entries(response) -> list[ET.Element]:
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/atom+xml")
    root = ET.fromstring(response.content)
    assert root.tag == f"{ATOM}feed"
    assert root.findtext(f"{ATOM}title")
    return root.findall(f"{ATOM}entry")


def test_rss_feed_lists_live_updates_newest_first(client, index, updates):
    items = rss_items(client.get(index.url + "feed/rss/"))
    assert [i.findtext("title") for i in items] == [
        "Newer <update> & more",
        "Both ambitions",
        "Older update",
    ]
    newest = items[0]
    assert newest.findtext("link") == updates["new"].full_url
    assert newest.findtext("link").startswith("http://testserver/")
    description = newest.findtext("description")
    assert "Waits are <shorter>." in description
    assert "In progress" in description and "40% complete" in description
    assert [c.text for c in newest.findall("category")] == ["Ambition title 2"]
    assert newest.findtext("pubDate")


def test_atom_feed_parses_and_has_dates_and_categories(client, index, updates):
    entries = atom_entries(client.get(index.url + "feed/atom/"))
    assert len(entries) == 3
    both = next(e for e in entries if e.findtext(f"{ATOM}title") == "Both ambitions")
    assert both.find(f"{ATOM}link").get("href") == updates["both"].full_url
    assert both.findtext(f"{ATOM}updated") and both.findtext(f"{ATOM}published")
    assert sorted(c.get("term") for c in both.findall(f"{ATOM}category")) == [
        "Ambition title 1",
        "Ambition title 2",
    ]


def test_ambition_feed_lists_only_that_ambitions_live_updates(client, index, updates):
    rss = rss_items(client.get(index.url + "ambition-1/feed/rss/"))
    assert [i.findtext("title") for i in rss] == ["Both ambitions", "Older update"]
    atom = atom_entries(client.get(index.url + "ambition-2/feed/atom/"))
    assert [e.findtext(f"{ATOM}title") for e in atom] == [
        "Newer <update> & more",
        "Both ambitions",
    ]


def test_feed_is_capped(client, index, ambitions):
    for n in range(FEED_LENGTH + 3):
        published(index, f"Update {n}", n)
    assert len(rss_items(client.get(index.url + "feed/rss/"))) == FEED_LENGTH


@pytest.mark.parametrize(
    "path", ["feed/json/", "feed/RSS/", "ambition-9/feed/rss/", "ambition-1/feed/xml/"]
)
def test_unknown_feeds_are_not_found(client, index, updates, path):
    assert client.get(index.url + path).status_code == 404


def test_private_updates_stay_out_of_the_feed(client, index, updates):
    from wagtail.models import PageViewRestriction

    PageViewRestriction.objects.create(
        page=updates["old"], restriction_type=PageViewRestriction.LOGIN
    )
    titles = [i.findtext("title") for i in rss_items(client.get(index.url + "feed/rss/"))]
    assert "Older update" not in titles


def test_translated_index_serves_its_own_updates_in_its_language(client, index, updates):
    polish = Locale.objects.get(language_code="pl")
    updates["new"].copy_for_translation(polish, copy_parents=True).save_revision().publish()
    polish_index = index.get_translation(polish)  # an alias, made with the translation
    response = client.get(polish_index.url + "feed/rss/")
    assert polish_index.url.startswith("/pl/")
    root = ET.fromstring(response.content)
    assert root.find("channel").findtext("language") == "pl"
    items = root.find("channel").findall("item")
    assert [i.findtext("link") for i in items] == [updates["new"].get_translation(polish).full_url]


def test_feed_links_for_the_head(client, index, updates):
    page = client.get(index.url).content.decode()
    assert (
        f'type="application/rss+xml" title="{index.title} (RSS)" href="{index.url}feed/rss/"'
        in (page)
    )
    assert f'href="{index.url}feed/atom/"' in page
    assert "/feed/" not in page.replace(f"{index.url}feed/", "")  # no ambition's feeds

    # Filtered by one ambition, the head also offers that ambition's feeds, which work.
    head = BeautifulSoup(client.get(index.url, {"ambition": "2"}).content, "html.parser").head
    feeds = {link["href"]: link["title"] for link in head.select("link[rel=alternate]")}
    assert feeds[f"{index.url}feed/rss/"] == f"{index.title} (RSS)"
    assert feeds[f"{index.url}ambition-2/feed/rss/"] == f"{index.title}: ambition 2 (RSS)"
    assert feeds[f"{index.url}ambition-2/feed/atom/"] == f"{index.title}: ambition 2 (Atom)"
    for url in feeds:
        assert client.get(url).status_code == 200
    # An ambition that is not offered is an error in the form, not a feed that does not exist.
    head = BeautifulSoup(client.get(index.url, {"ambition": "9"}).content, "html.parser").head
    assert "ambition-9" not in str(head)


def test_one_visible_feed_link_in_plain_words(client, index, updates):
    html = BeautifulSoup(client.get(index.url).content, "html.parser")
    body_links = {a.get_text(strip=True): a["href"] for a in html.select("main a")}
    assert body_links["Follow updates in a news reader (RSS)"] == f"{index.url}feed/rss/"
    assert not [href for href in body_links.values() if href.endswith("/feed/atom/")]
    assert "RSS feed" not in body_links and "Atom feed" not in body_links
