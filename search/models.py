"""Index updates an engine missed, kept until it has them (see ``search/backlog.py``)."""

from django.contrib.contenttypes.models import ContentType
from django.db import models


class IndexBacklog(models.Model):
    """One object whose document the search engine does not have yet (or still has, for a
    deletion): written when the engine could not be reached, removed once the update lands."""

    UPDATE = "update"
    DELETE = "delete"

    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE)
    object_id = models.CharField(max_length=64)
    action = models.CharField(max_length=6, choices=[(UPDATE, UPDATE), (DELETE, DELETE)])
    attempts = models.PositiveIntegerField(default=0)
    last_error = models.TextField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["content_type", "object_id"],
                                    name="search_indexbacklog_one_per_object"),
        ]

    def __str__(self):
        return f"{self.action} {self.content_type_id}:{self.object_id}"
