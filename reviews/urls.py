"""Front-end routes of the focal points' form (language-prefixed, from config/urls.py)."""

from django.urls import path

from . import views

app_name = "reviews"

urlpatterns = [
    path("mine/", views.mine, name="mine"),
    path("new/<str:code>/<str:language>/", views.new, name="new"),
    path("edit/<int:pk>/", views.edit, name="edit"),
]
