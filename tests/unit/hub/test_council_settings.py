"""Council settings protect readability: a brand colour white text cannot be read on is refused."""

import pytest
from django.core.exceptions import ValidationError

from hub.colour import contrast_ratio
from hub.models import CouncilSettings

pytestmark = pytest.mark.django_db


def test_contrast_ratio_matches_wcag_reference_values():
    assert contrast_ratio("#000000", "#ffffff") == pytest.approx(21.0)
    assert contrast_ratio("#ffffff", "#ffffff") == pytest.approx(1.0)
    # GOV.UK link blue on white is 5.17:1.
    assert contrast_ratio("#1d70b8", "#ffffff") == pytest.approx(5.17, abs=0.01)


def test_a_pale_brand_colour_is_refused_with_a_clear_message(home):
    settings = CouncilSettings.objects.get()
    settings.brand_colour = "#ffdd00"
    with pytest.raises(ValidationError) as error:
        settings.full_clean()
    assert "contrast" in str(error.value.message_dict["brand_colour"][0])


def test_a_badly_formatted_colour_is_refused(home):
    settings = CouncilSettings.objects.get()
    settings.link_colour = "blue"
    with pytest.raises(ValidationError) as error:
        settings.full_clean()
    assert "link_colour" in error.value.message_dict


def test_the_default_colours_are_readable(home):
    CouncilSettings.objects.get().full_clean()
