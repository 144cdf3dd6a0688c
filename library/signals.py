"""Publishing a library document queues the extraction of its text."""

from django.dispatch import receiver
from wagtail.signals import page_published

from .extraction import schedule
from .models import LibraryDocumentPage


@receiver(page_published, sender=LibraryDocumentPage)
def extract_on_publish(sender, instance, **kwargs):
    schedule(instance.pk)
