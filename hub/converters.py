"""Path converters. Importing this module registers them.

``<id:pk>``: a database id. At most 18 digits, so every value fits in a 64-bit integer: a longer
number is "no such page" (404) rather than an overflow in the database driver (500).
"""

from django.urls import register_converter
from django.urls.converters import IntConverter


class DatabaseIdConverter(IntConverter):
    regex = "[0-9]{1,18}"


register_converter(DatabaseIdConverter, "id")
