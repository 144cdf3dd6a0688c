"""The text of library PDFs, read in the background with pypdf.

Arabic text comes out of PDFs in presentation forms (ﺍﻟﻬﺠﺮﺓ); NFKC gives back the letters the
search analyser knows. A file that is not a readable PDF leaves the text empty (the page is
still found by its title and summary).
"""

import logging
import unicodedata

from django.db import transaction
from django_tasks import task
from pypdf import PdfReader
from pypdf.errors import PdfReadError

logger = logging.getLogger(__name__)
MAX_PAGES = 300
MAX_CHARS = 500_000


def pdf_text(file):
    try:
        reader = PdfReader(file)
        parts = [page.extract_text() or "" for page in reader.pages[:MAX_PAGES]]
    except (PdfReadError, ValueError, KeyError, OSError) as error:
        logger.warning("no text from %s: %s", getattr(file, "name", file), error)
        return ""
    return unicodedata.normalize("NFKC", "\n".join(parts))[:MAX_CHARS]


@task()
def extract_document_text(page_id):
    """Store the text of the page's PDF and reindex the page."""
    from wagtail.search.index import insert_or_update_object

    from .models import LibraryDocumentPage

    page = LibraryDocumentPage.objects.select_related("document").filter(pk=page_id).first()
    if page is None or not page.document.filename.lower().endswith(".pdf"):
        return
    with page.document.file.open("rb") as file:
        text = pdf_text(file)
    LibraryDocumentPage.objects.filter(pk=page_id).update(full_text=text)
    page.full_text = text
    insert_or_update_object(page)


def schedule(page_id):
    transaction.on_commit(lambda: extract_document_text.enqueue(page_id))
