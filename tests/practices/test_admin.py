"""The practice editor renders in the admin with its tabs and private focal-point fields."""

import pytest
from django.contrib.auth import get_user_model


@pytest.mark.django_db
def test_admin_add_form_renders(client, practice_indexes, taxonomy):
    admin = get_user_model().objects.create_superuser("root", "root@example.org", "pw")
    client.force_login(admin)
    index = practice_indexes["en"]
    response = client.get(f"/admin/pages/add/practices/practicepage/{index.pk}/")
    assert response.status_code == 200
    html = response.content.decode()
    assert 'name="contact_email"' in html and "practice_objectives-TOTAL_FORMS" in html
