"""Demo content: the library with the founding resolutions, in English and Arabic (one page per
document, the Arabic page a translation of the English one, each with its own file)."""

import functools
from pathlib import Path

from django.core.files import File
from wagtail.documents import get_document_model

from hub.demo import publish_index, publish_record, register

FILES = Path(__file__).parent / "demo_files"

DOCUMENTS = (
    {"slug": "a-res-73-195", "symbol": "A/RES/73/195", "year": 2018, "objectives": range(1, 24),
     "en": ("Global Compact for Safe, Orderly and Regular Migration",
            "The resolution by which the General Assembly endorsed the Global Compact."),
     "ar": ("الاتفاق العالمي من أجل الهجرة الآمنة والمنظمة والنظامية",
            "القرار الذي أقرت به الجمعية العامة الاتفاق العالمي.")},
    {"slug": "a-res-73-326", "symbol": "A/RES/73/326", "year": 2019, "objectives": (23,),
     "en": ("Format and organizational aspects of the international migration review forums",
            "How the International Migration Review Forum and the regional reviews are held."),
     "ar": ("الشكل والجوانب التنظيمية لمنتدى استعراض الهجرة الدولية",
            "كيف يُعقد منتدى استعراض الهجرة الدولية والاستعراضات الإقليمية.")},
)


def _document(slug, language_code, title):
    path = FILES / f"{slug}-{language_code}.pdf"
    with path.open("rb") as handle:
        return get_document_model().objects.create(title=title, file=File(handle, name=path.name))


@register(order=85)
def load_library(stdout):
    from home.models import HomePage
    from hub.models import objective_links

    from .models import DocumentType, LibraryDocumentPage, LibraryIndexPage, LibraryObjective

    def link_objectives(page, _locale, numbers):
        page.library_objectives = objective_links(LibraryObjective, page, numbers)

    index = publish_index(HomePage, LibraryIndexPage)
    if index is None:
        return
    for spec in DOCUMENTS:
        (title, summary), (title_ar, summary_ar) = spec["en"], spec["ar"]
        publish_record(
            index, LibraryDocumentPage,
            {"title": title, "slug": spec["slug"], "summary": summary, "symbol": spec["symbol"],
             "year": spec["year"], "document_type": DocumentType.RESOLUTION,
             "publisher": "United Nations General Assembly",
             "document": _document(spec["slug"], "en", title)},
            {"title": title_ar, "summary": summary_ar, "publisher": "الجمعية العامة للأمم المتحدة",
             "document": _document(spec["slug"], "ar", title_ar)},
            fill=functools.partial(link_objectives, numbers=spec["objectives"]))
    stdout.write("Document library created (founding resolutions, en and ar).")
