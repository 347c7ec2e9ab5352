import pytest
from django.core.exceptions import ValidationError

from hub.factories import AccessibleImageFactory

pytestmark = pytest.mark.django_db


def test_an_image_without_alt_text_is_refused():
    image = AccessibleImageFactory.build(alt_text="")
    with pytest.raises(ValidationError) as error:
        image.full_clean()
    assert "alt_text" in error.value.message_dict


def test_alt_text_is_what_rich_text_and_templates_use():
    image = AccessibleImageFactory(alt_text="Two children reading together")
    assert image.default_alt_text == "Two children reading together"


def test_the_upload_form_asks_for_alt_text():
    from wagtail.images.forms import get_image_form

    from hub.models import AccessibleImage

    form_class = get_image_form(AccessibleImage)
    assert form_class.base_fields["alt_text"].required
