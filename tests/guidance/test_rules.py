"""Page-type placement and the one-page-per-objective rule."""

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation
from wagtail.models import Page

from guidance.models import (
    GuidanceIndexPage,
    GuidePage,
    HandbookPage,
    ObjectivePage,
    ThematicToolPage,
    ToolsIndexPage,
)
from home.models import HomePage
from hub.models import Objective
from practices.models import PracticeIndexPage

pytestmark = pytest.mark.django_db

ALLOWED = {
    GuidanceIndexPage: {HomePage},
    GuidePage: {GuidanceIndexPage},
    HandbookPage: {GuidanceIndexPage},
    ToolsIndexPage: {GuidanceIndexPage},
    ObjectivePage: {HandbookPage},
    ThematicToolPage: {ToolsIndexPage},
}
ALL = [HomePage, PracticeIndexPage, *ALLOWED]


@pytest.mark.parametrize("model", list(ALLOWED))
def test_each_page_type_only_where_it_belongs(model):
    for parent in ALL:
        expected = parent in ALLOWED[model]
        allowed = (model in parent.creatable_subpage_models()
                   and parent in model.allowed_parent_page_models())
        assert allowed is expected, parent
    assert Page not in model.allowed_parent_page_models()
    assert model.search_fields != Page.search_fields


def test_one_guidance_home_per_language(guidance, home_pages):
    assert not GuidanceIndexPage.can_create_at(home_pages["en"])
    assert GuidePage.can_create_at(guidance["index"]) is False
    assert ObjectivePage.can_create_at(guidance["handbook"])


def test_second_page_for_an_objective_is_refused(make_objective_page, guidance, locales):
    make_objective_page(8)
    duplicate = ObjectivePage(
        title="Again", slug="again", summary="x",
        objective=Objective.objects.get(number=8, locale=locales["en"]),
    )
    duplicate.locale = locales["en"]
    with translation.override("en"), pytest.raises(ValidationError) as error:
        duplicate.full_clean()
    assert "objective" in error.value.message_dict
    assert "already has a page" in error.value.message_dict["objective"][0]
    with translation.override("ar"), pytest.raises(ValidationError) as error:
        duplicate.full_clean()
    assert "صفحة بهذه اللغة بالفعل" in error.value.message_dict["objective"][0]
    with pytest.raises(ValidationError):
        guidance["handbook"].add_child(instance=duplicate)


def test_other_objective_is_accepted(make_objective_page, locales):
    make_objective_page(8)
    page = make_objective_page(9)
    page.full_clean()
    assert ObjectivePage.objects.count() == 2


def test_objective_of_another_language_is_refused(guidance, locales):
    page = ObjectivePage(
        title="Mixed", slug="mixed", summary="x",
        objective=Objective.objects.get(number=3, locale=locales["ar"]),
    )
    page.locale = locales["en"]
    with pytest.raises(ValidationError) as error:
        page.full_clean()
    assert "objective" in error.value.message_dict
