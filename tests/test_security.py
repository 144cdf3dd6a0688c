"""Holes found by probing the running site from outside: logins, headers, small crashes.

Every test speaks HTTP through the test client, as an attacker or a role would.
"""

import pytest
from django.test import Client

from discussions.models import Reply
from practices.models import PracticePage
from tests.factories import UserFactory, logged_in

from .discussions.conftest import discussion_index, make_topic, question, space, topic  # noqa: F401
from .submissions.conftest import repository  # noqa: F401
from .submissions.test_journey import submission_data

pytestmark = pytest.mark.django_db

PASSWORD = "correct horse battery staple"


# -- 1. One login, one set of rules ------------------------------------------------------------


def test_admin_login_sends_everyone_to_the_site_login(db):
    response = Client().get("/admin/login/?next=/admin/pages/")
    assert response.status_code == 302
    assert response.url.startswith("/en/accounts/login/") or response.url.startswith(
        "/accounts/login/"
    )
    assert "next=%2Fadmin%2Fpages%2F" in response.url
    # Unauthenticated admin pages go the same way.
    assert "/accounts/login/" in Client().get("/admin/").url


def test_unverified_address_cannot_sign_in_at_the_admin_login(repository):  # noqa: F811
    """Someone who signed up with another person's address and never verified it."""
    UserFactory(email="victim@example.org", verified=False, is_staff=True)
    client = Client()
    client.post("/admin/login/", {"username": "victim@example.org", "password": PASSWORD})
    client.post("/en/accounts/login/", {"login": "victim@example.org", "password": PASSWORD})
    response = client.get("/en/practices/submit/")
    assert response.status_code == 302 and "/accounts/login/" in response.url
    assert "/accounts/login/" in client.get("/admin/").url


def test_the_admin_login_is_throttled_like_the_site_login(db):
    moderator = UserFactory(groups=["Moderators"])
    client = Client()
    for _ in range(6):
        client.post("/admin/login/", {"username": moderator.username, "password": "wrong"})
        client.post("/en/accounts/login/", {"login": moderator.email, "password": "wrong"})
    client.post("/admin/login/", {"username": moderator.username, "password": PASSWORD})
    response = client.post("/en/accounts/login/", {"login": moderator.email, "password": PASSWORD})
    assert response.status_code != 302 or "/accounts/login" in response.url
    assert "/accounts/login/" in client.get("/admin/").url


def test_a_verified_moderator_signs_in_to_the_admin_through_the_site_login(db):
    moderator = UserFactory(groups=["Moderators"])
    client = Client()
    response = client.post(
        "/en/accounts/login/?next=/admin/",
        {"login": moderator.email, "password": PASSWORD, "next": "/admin/"},
    )
    assert response.status_code == 302 and response.url == "/admin/"
    assert client.get("/admin/").status_code == 200


@pytest.mark.parametrize("path", ["/django-admin/", "/django-admin/login/",
                                  "/django-admin/auth/user/"])
def test_django_admin_is_not_reachable(db, path):
    superuser = UserFactory(is_staff=True, is_superuser=True)
    assert Client().get(path, follow=True).status_code == 404
    assert logged_in(superuser).get(path, follow=True).status_code == 404


def test_unverified_session_cannot_submit(repository):  # noqa: F811
    client = logged_in(UserFactory(verified=False))
    response = client.post("/en/practices/submit/", submission_data())
    assert response.status_code in (200, 302)
    assert not PracticePage.objects.exists()


def test_unverified_session_cannot_reply(topic, question):  # noqa: F811
    client = logged_in(UserFactory(verified=False))
    response = client.post(topic.url + "reply/", {"question": question.pk, "body": "Hello"})
    assert response.status_code == 302
    assert not Reply.objects.exists()
    # The same person, once verified, can.
    verified = logged_in(UserFactory())
    verified.post(topic.url + "reply/", {"question": question.pk, "body": "Hello"})
    assert Reply.objects.count() == 1


# -- 7. Headers and small crashes ---------------------------------------------------------------


def test_pages_carry_a_strict_content_security_policy_and_permissions_policy(home_pages):
    response = Client().get("/en/")
    assert response.status_code == 200
    policy = response["Content-Security-Policy"]
    directives = dict(part.strip().split(" ", 1) for part in policy.split(";"))
    assert directives["default-src"] == "'self'"
    assert directives["script-src"] == "'self'"
    assert directives["style-src"] == "'self'"
    assert directives["object-src"] == "'none'"
    assert "unsafe-inline" not in policy and "http" not in policy
    assert "camera=()" in response["Permissions-Policy"]
    assert "geolocation=()" in response["Permissions-Policy"]


def test_no_inline_script_or_style_in_public_pages(home_pages, repository):  # noqa: F811
    from bs4 import BeautifulSoup

    client = logged_in(UserFactory())
    for path in ("/en/", "/ar/", "/en/practices/", "/en/practices/submit/", "/en/search/?q=x",
                 "/en/accounts/signup/", "/ar/accounts/login/"):
        client_for = Client() if "accounts" in path else client
        response = client_for.get(path)
        assert response.status_code == 200, path
        soup = BeautifulSoup(response.content.decode(), "html.parser")
        inline = [tag for tag in soup.find_all("script")
                  if not tag.get("src") and tag.get("type") != "application/json"]
        assert not inline, (path, inline)
        assert not soup.find_all("style"), path
        assert not soup.find_all(style=True), path
        assert not [tag for tag in soup.find_all(True)
                    if any(attr.startswith("on") for attr in tag.attrs)], path


def test_get_on_admin_logout_does_not_end_the_session(db):
    client = logged_in(UserFactory(groups=["Moderators"]))
    response = client.get("/admin/logout/")
    assert response.status_code == 302 and "/accounts/logout/" in response.url
    assert "sessionid" not in response.cookies or response.cookies["sessionid"].value
    assert client.get("/admin/").status_code == 200
    # A POST (with its token, as the admin's menu sends it) does sign out.
    response = client.post("/admin/logout/")
    assert response.status_code == 302
    assert client.get("/admin/").status_code == 302


def test_newline_in_title_is_a_form_error(repository):  # noqa: F811
    client = logged_in(UserFactory())
    response = client.post("/en/practices/submit/", submission_data(
        title="Legal aid\nBcc: everyone@example.org"
    ))
    assert response.status_code == 200
    assert "single line" in response.content.decode()
    assert "Legal aid" in response.content.decode()  # what was typed is kept
    assert not PracticePage.objects.exists()


@pytest.mark.parametrize("path", [
    "/en/practices/mine/99999999999999999999999/edit/",
    "/en/practices/mine/9223372036854775808/edit/",
])
def test_an_id_too_large_for_the_database_is_404(repository, path):  # noqa: F811
    assert logged_in(UserFactory()).get(path).status_code == 404


def test_a_huge_reply_id_is_404(topic):  # noqa: F811
    client = logged_in(UserFactory())
    assert client.get(topic.url + "replies/99999999999999999999999/edit/").status_code == 404


def test_csrf_failure_uses_the_site_template_in_the_visitors_language(repository):  # noqa: F811
    client = Client(enforce_csrf_checks=True)
    client.force_login(UserFactory())
    response = client.post("/ar/practices/submit/", submission_data(title="عنوان"))
    assert response.status_code == 403
    html = response.content.decode()
    assert 'lang="ar"' in html and 'dir="rtl"' in html
    assert "انتهت صلاحية النموذج" in html  # "The form has expired"
    assert "/static/css/hub.css" in html
    english = client.post("/en/practices/submit/", submission_data())
    assert "Your text is not lost" in english.content.decode()


def test_bad_request_uses_the_site_template(home_pages):
    fields = "&".join(f"f{n}=x" for n in range(10_001))
    response = Client().post("/ar/accounts/login/", fields,
                             content_type="application/x-www-form-urlencoded")
    assert response.status_code == 400
    html = response.content.decode()
    assert 'lang="ar"' in html and "طلب غير صالح" in html  # "Bad request"


def test_too_large_request_gets_413_in_the_visitors_language(repository, settings):  # noqa: F811
    client = logged_in(UserFactory())
    response = client.post("/ar/practices/submit/", {"title": "x"},
                           CONTENT_LENGTH=str(settings.HUB_MAX_REQUEST_SIZE + 1))
    assert response.status_code == 413
    html = response.content.decode()
    assert 'lang="ar"' in html and "بيانات أكثر مما ينبغي" in html  # "Too much data"
    english = client.post("/en/practices/submit/", {"title": "x"},
                          CONTENT_LENGTH=str(settings.HUB_MAX_REQUEST_SIZE + 1))
    assert "attach fewer or smaller files" in english.content.decode()


def test_verify_email_lets_a_createsuperuser_account_sign_in(db):
    from io import StringIO

    from django.contrib.auth import get_user_model
    from django.core.management import call_command

    get_user_model().objects.create_superuser("root", "root@example.org", PASSWORD)
    client = Client()
    client.post("/en/accounts/login/", {"login": "root@example.org", "password": PASSWORD})
    assert "/accounts/login/" in client.get("/admin/").url  # unverified: refused
    call_command("verify_email", "root@example.org", stdout=StringIO())
    response = client.post("/en/accounts/login/", {"login": "root@example.org",
                                                   "password": PASSWORD})
    assert response.status_code == 302
    assert client.get("/admin/").status_code == 200
