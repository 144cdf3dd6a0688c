"""Account pages in the site layout, both languages; the profile asked at sign-up and editable."""

import pytest
from django.test import Client

from hub.models import UserProfile
from tests.factories import PASSWORD, UserFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("language,direction", [("en", "ltr"), ("ar", "rtl")])
def test_account_pages_use_the_site_layout(home_pages, taxonomy, language, direction):
    for name in ("login", "signup", "password/reset"):
        html = Client().get(f"/{language}/accounts/{name}/").content.decode()
        assert f'dir="{direction}"' in html
        assert 'class="site-header"' in html
    signup = Client().get(f"/{language}/accounts/signup/").content.decode()
    for field in ("name", "organisation", "stakeholder_type", "country", "preferred_language"):
        assert f'name="{field}"' in signup
    if language == "ar":
        assert "الاسم الكامل" in signup


def test_profile_page_edits_the_profile(home_pages, taxonomy):
    user = UserFactory()
    client = Client()
    client.force_login(user)
    assert client.get("/en/accounts/profile/").status_code == 200
    response = client.post("/en/accounts/profile/", {
        "name": "Amal Haddad", "organisation": "MRO", "stakeholder_type": "",
        "country": "JO", "preferred_language": "ar",
    })
    assert response.status_code == 302
    profile = UserProfile.objects.get(user=user)
    assert (profile.name, profile.country.code, profile.preferred_language) == (
        "Amal Haddad", "JO", "ar"
    )
    response = client.post("/en/accounts/profile/", {"name": "", "organisation": "Kept"})
    assert response.status_code == 200 and "Kept" in response.content.decode()


@pytest.mark.parametrize("language", ["en", "ar"])
def test_logging_in_from_the_header_comes_back_to_the_page(
        home_pages, taxonomy, practice_indexes, language):
    from bs4 import BeautifulSoup

    page = f"/{language}/practices/?objective=8"
    header = BeautifulSoup(Client().get(page).content.decode(), "html.parser").select_one(
        ".account-links")
    links = {a.get_text(strip=True): a["href"] for a in header.select("a")}
    login = links["Log in" if language == "en" else "تسجيل الدخول"]
    signup = links["Register" if language == "en" else "إنشاء حساب"]
    assert login == f"/{language}/accounts/login/?next=%2F{language}%2Fpractices%2F%3Fobjective%3D8"
    assert signup.endswith("?next=%2F" + language + "%2Fpractices%2F%3Fobjective%3D8")
    user = UserFactory()
    response = Client().post(login, {"login": user.email, "password": PASSWORD})
    assert response.status_code == 302 and response["Location"] == page


def test_the_account_pages_send_nobody_back_to_themselves(home_pages, taxonomy):
    from bs4 import BeautifulSoup

    html = Client().get("/en/accounts/login/?next=/en/").content.decode()
    header = BeautifulSoup(html, "html.parser").select_one(".account-links")
    links = {a.get_text(strip=True): a["href"] for a in header.select("a")}
    assert (links["Log in"], links["Register"]) == ("/en/accounts/login/", "/en/accounts/signup/")
