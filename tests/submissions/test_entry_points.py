"""Where the submission form is found: the header, the home page, the repository, each objective
page; the account menu; a visitor who is not signed in comes back to the form after signing up."""

import re
from html.parser import HTMLParser
from urllib.parse import parse_qs, urlsplit

import pytest
from django.core import mail

from guidance.models import GuidanceIndexPage, HandbookPage, ObjectivePage
from hub.demo import publish
from hub.models import Objective
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

PASSWORD = "a long and unusual passphrase 42"


class Links(HTMLParser):
    """Every link of a page: its href, its text and the landmark it is in."""

    def __init__(self):
        super().__init__()
        self.links, self._open, self._where = [], None, []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag in ("header", "main", "footer"):
            self._where.append(tag)
        if tag == "a":
            self._open = {"href": attrs.get("href", ""), "text": "",
                          "in": self._where[-1] if self._where else ""}

    def handle_endtag(self, tag):
        if tag in ("header", "main", "footer") and self._where:
            self._where.pop()
        if tag == "a" and self._open is not None:
            self._open["text"] = " ".join(self._open["text"].split())
            self.links.append(self._open)
            self._open = None

    def handle_data(self, data):
        if self._open is not None:
            self._open["text"] += data

    @classmethod
    def parse(cls, response):
        parser = cls()
        parser.feed(response.content.decode())
        return parser.links


def links(response, text, where=None):
    return [link for link in Links.parse(response)
            if link["text"] == text and (where is None or link["in"] == where)]


def the_link(response, text, where=None):
    found = links(response, text, where)
    assert found, f"no link {text!r} in {where or 'the page'}"
    return found[0]["href"]


@pytest.mark.parametrize("language, label", [("en", "Submit a practice"), ("ar", "قدّم ممارسة")])
def test_home_page_leads_to_the_form_from_header_and_body(client, repository, language, label):
    response = client.get(f"/{language}/")
    assert the_link(response, label, "header") == f"/{language}/practices/submit/"
    assert the_link(response, label, "main") == f"/{language}/practices/submit/"


def test_repository_listing_and_objective_page_lead_to_the_form(client, repository, locales):
    response = client.get(repository["en"].url)
    assert the_link(response, "Submit a practice", "main") == "/en/practices/submit/"

    index = GuidanceIndexPage(title="Guidance", slug="guidance")
    repository["en"].get_parent().add_child(instance=index)
    publish(index)
    handbook = HandbookPage(title="Handbook", slug="handbook")
    index.add_child(instance=handbook)
    publish(handbook)
    objective = ObjectivePage(title="Objective 6", slug="objective-6", summary="Six.",
                              objective=Objective.objects.get(number=6, locale=locales["en"]))
    handbook.add_child(instance=objective)
    publish(objective)
    response = client.get(objective.url)
    assert response.status_code == 200
    assert the_link(response, "Submit a practice", "main") == "/en/practices/submit/"


def test_signed_in_header_has_the_account_menu(client, repository):
    client.force_login(UserFactory())
    response = client.get("/ar/")
    content = response.content.decode()
    assert the_link(response, "ملفك الشخصي", "header") == "/ar/accounts/profile/"
    assert the_link(response, "المواد التي قدّمتُها", "header") == "/ar/practices/mine/"
    assert re.search(r'<form method="post" action="/ar/accounts/logout/">.*?تسجيل الخروج',
                     content, re.S)
    for href in ("/ar/accounts/profile/", "/ar/practices/mine/"):
        assert client.get(href).status_code == 200


def test_anonymous_header_has_no_account_menu(client, repository):
    response = client.get("/en/")
    assert not links(response, "Your profile") and not links(response, "My submissions")
    assert the_link(response, "Log in", "header")


def test_a_visitor_is_led_through_sign_up_and_back_to_the_form(client, repository):
    response = client.get(the_link(client.get("/ar/"), "قدّم ممارسة", "header"))
    assert response.status_code == 302
    login = response["Location"]
    assert parse_qs(urlsplit(login).query)["next"] == ["/ar/practices/submit/"]
    login_page = client.get(login)
    signup = [link["href"] for link in Links.parse(login_page)
              if link["in"] == "main" and "/accounts/signup/" in link["href"]]
    assert signup and "next=%2Far%2Fpractices%2Fsubmit%2F" in signup[0]

    response = client.post(signup[0], {
        "email": "amal@example.org", "password1": PASSWORD, "password2": PASSWORD,
        "name": "أمل حداد", "organisation": "", "stakeholder_type": "", "country": "JO",
        "preferred_language": "ar",
    })
    assert response.status_code == 302
    link = re.search(r"https?://\S+/accounts/confirm-email/\S+", mail.outbox[-1].body).group(0)
    response = client.post(urlsplit(link).path)
    assert response.status_code == 302
    assert response["Location"] == "/ar/practices/submit/"
    form = client.get(response["Location"])
    assert form.status_code == 200
    assert "<h1>قدّم ممارسة</h1>" in form.content.decode()


def test_submit_is_the_primary_action_and_draft_looks_different(client, repository):
    user = UserFactory()
    client.force_login(user)
    content = client.get("/en/practices/submit/").content.decode()
    submit = re.search(r'<button[^>]*name="submit_review"[^>]*>', content).group(0)
    draft = re.search(r'<button[^>]*name="save_draft"[^>]*>', content).group(0)
    assert 'class="button--primary"' in submit and 'class="button--secondary"' in draft
    # The first submit button of a form is the one Enter presses.
    assert content.index('name="submit_review"') < content.index('name="save_draft"')
