import pytest

from local_offer.factories import LocalOfferPageFactory
from local_offer.vocabularies import ensure_vocabularies


@pytest.fixture
def directory(home):
    """The Local Offer directory page under the test home page, with the standard vocabularies."""
    ensure_vocabularies()
    return LocalOfferPageFactory(parent=home)
