import pytest

from consultations.factories import ConsultationPageFactory


@pytest.fixture
def consultation(home):
    return ConsultationPageFactory(
        parent=home, title="Have your say on transport", slug="transport"
    )


@pytest.fixture
def answer_url(consultation):
    def url(step: str) -> str:
        return f"{consultation.url}answer/{step}/"

    return url


@pytest.fixture
def prefix(consultation):
    from consultations.wizard import wizard_prefix

    return wizard_prefix(consultation)
