"""Front-end routes of pledges (language-prefixed, included from config/urls.py)."""

from django.urls import path

from . import submission

app_name = "pledges"

urlpatterns = [
    path("make/", submission.make, name="make"),
    path("mine/", submission.mine, name="mine"),
    path("mine/<int:pk>/edit/", submission.edit, name="edit"),
    path("mine/<int:pk>/progress/", submission.progress, name="progress"),
]
