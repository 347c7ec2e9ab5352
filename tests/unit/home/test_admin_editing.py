"""Editors can open every page type in the CMS, and the settings screen, without errors."""

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse

from home.factories import EasyReadPageFactory, IndexPageFactory, InformationPageFactory
from hub.models import CouncilSettings
from outcomes.factories import AmbitionPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor_client(client):
    user = get_user_model().objects.create_superuser("editor", "editor@example.org", "pw")
    client.force_login(user)
    return client


def test_every_page_type_opens_in_the_editor(editor_client, home):
    info = InformationPageFactory(parent=home)
    pages = [
        home,
        info,
        EasyReadPageFactory(parent=info, standard_page=info),
        IndexPageFactory(parent=home),
        AmbitionPageFactory(parent=home),
    ]
    for page in pages:
        response = editor_client.get(reverse("wagtailadmin_pages:edit", args=[page.id]))
        assert response.status_code == 200, f"{type(page).__name__} edit view failed"


@pytest.mark.parametrize("model", ["informationpage", "indexpage", "easyreadpage", "ambitionpage"])
def test_every_page_type_can_be_started_under_the_home_page(editor_client, home, model):
    app = "outcomes" if model == "ambitionpage" else "home"
    url = reverse("wagtailadmin_pages:add", args=[app, model, home.id])
    assert editor_client.get(url).status_code == 200


def test_council_settings_open_in_the_cms(editor_client, home):
    site_id = CouncilSettings.objects.get().site_id
    url = reverse("wagtailsettings:edit", args=["hub", "councilsettings", site_id])
    response = editor_client.get(url)
    assert response.status_code == 200
    assert b"Brand colour" in response.content or b"brand colour" in response.content


def test_an_image_cannot_be_uploaded_without_alt_text(editor_client, home):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from hub.factories import AccessibleImageFactory
    from hub.models import AccessibleImage

    jpeg = AccessibleImageFactory.build().file.read()

    def upload(**extra):
        data = {
            "title": "Children reading",
            "file": SimpleUploadedFile("a.jpg", jpeg, "image/jpeg"),
        }
        return editor_client.post(reverse("wagtailimages:add"), {**data, **extra})

    response = upload()
    assert response.status_code == 200  # the form is shown again
    assert "alt_text" in response.context["form"].errors
    assert not AccessibleImage.objects.exists()

    response = upload(alt_text="Two children reading a book")
    assert response.status_code == 302, response.context["form"].errors
    assert AccessibleImage.objects.get().alt_text == "Two children reading a book"
