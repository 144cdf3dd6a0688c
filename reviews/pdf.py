"""A published review as PDF: fpdf2 (pure Python) with HarfBuzz shaping (uharfbuzz) and the
Amiri font from PyPI (``fontpkg-amiri``), so Arabic is shaped and laid out right to left with
no browser or system font on the server. Laid out by section, in the review's language.
"""

from pathlib import Path

import fontpkg_amiri
from django.utils import translation
from django.utils.translation import gettext as _
from django_countries.fields import Country
from fpdf import FPDF

from .template import template_text

FONT_DIR = Path(fontpkg_amiri.__file__).resolve().parent / "files"


def _font(name):
    found = sorted(FONT_DIR.rglob(name))
    if not found:
        raise FileNotFoundError(f"{name} not found under {FONT_DIR}")
    return str(found[0])


def review_pdf(review, request=None):
    language = review.locale.language_code
    rtl = language == "ar"
    pdf = FPDF(format="A4")
    pdf.set_margins(18, 18, 18)
    pdf.add_font("Amiri", "", _font("Amiri-Regular.ttf"))
    pdf.add_font("Amiri", "B", _font("Amiri-Bold.ttf"))
    pdf.set_text_shaping(use_shaping_engine=True, direction="rtl" if rtl else "ltr",
                         script="arab" if rtl else "latn", language=language)
    align = "R" if rtl else "L"
    with translation.override(language):
        pdf.set_title(review.title)
        pdf.set_lang(language)
        pdf.add_page()
        pdf.set_font("Amiri", "B", 18)
        pdf.multi_cell(0, 10, review.title, align=align, new_x="LMARGIN", new_y="NEXT")
        pdf.set_font("Amiri", "", 11)
        meta = [str(Country(str(review.country)).name)]
        if review.first_published_at:
            meta.append(review.first_published_at.date().isoformat())
        pdf.multi_cell(0, 7, " · ".join(meta), align=align, new_x="LMARGIN", new_y="NEXT")
        pdf.multi_cell(0, 7, template_text("title", language), align=align,
                       new_x="LMARGIN", new_y="NEXT")
        for section, text in review.answers():
            pdf.ln(4)
            pdf.set_font("Amiri", "B", 14)
            pdf.multi_cell(0, 9, f"{section.number}. {section.title(language)}", align=align,
                           new_x="LMARGIN", new_y="NEXT")
            pdf.set_font("Amiri", "", 12)
            for paragraph in [p.strip() for p in (text or "").split("\n\n") if p.strip()]:
                pdf.multi_cell(0, 7, " ".join(paragraph.split()), align=align,
                               new_x="LMARGIN", new_y="NEXT")
                pdf.ln(2)
            if not (text or "").strip():
                pdf.multi_cell(0, 7, _("No answer."), align=align, new_x="LMARGIN",
                               new_y="NEXT")
    return bytes(pdf.output())
