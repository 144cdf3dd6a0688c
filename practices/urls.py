"""Front-end routes of the repository (language-prefixed, included from config/urls.py)."""

from django.urls import path

import hub.converters  # noqa: F401 - registers <id:…>

from .submission import views

app_name = "practices"

urlpatterns = [
    path("submit/", views.submit, name="submit"),
    path("mine/", views.mine, name="mine"),
    path("mine/<id:pk>/edit/", views.edit, name="edit"),
]
