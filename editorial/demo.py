"""Demo content: the Network's own pages (about the Network, the Migration MPTF, contact), in
English and as Arabic translations."""

from hub.demo import publish, publish_child, register


def _paragraph(html):
    return ("paragraph", html)


def _heading(text):
    return ("heading", {"text": text, "level": "h2"})


def _areas(language_code):
    from hub.models import ThematicArea

    items = "".join(f"<li>{area.title}</li>" for area in
                    ThematicArea.objects.filter(locale__language_code=language_code)
                    .order_by("number"))
    return _paragraph(f"<ol>{items}</ol>")


ABOUT = {
    "en": {
        "title": "About the Network",
        "intro": "The United Nations Network on Migration supports Member States in implementing, "
                 "following up and reviewing the Global Compact.",
        "body": [
            _heading("Executive committee"),
            _paragraph("<p>The executive committee sets the Network's priorities and workplan "
                       "and answers to the Secretary-General.</p>"),
            _heading("Workstreams"),
            _paragraph("<p>Thematic workstreams produce the Network's guidance and tools. "
                       "Stakeholders can join them or lead them with a UN entity.</p>"),
            _heading("Country and regional networks"),
            _paragraph("<p>Country networks support governments where they implement the Global "
                       "Compact; regional networks support the regional reviews.</p>"),
        ],
    },
    "ar": {
        "title": "عن الشبكة",
        "intro": "تدعم شبكة الأمم المتحدة المعنية بالهجرة الدول الأعضاء في تنفيذ الاتفاق العالمي "
                 "ومتابعته واستعراضه.",
        "body": [
            _heading("اللجنة التنفيذية"),
            _paragraph("<p>تحدد اللجنة التنفيذية أولويات الشبكة وخطة عملها، وترفع تقاريرها إلى "
                       "الأمين العام.</p>"),
            _heading("مسارات العمل"),
            _paragraph("<p>تُعِدّ مسارات العمل المواضيعية إرشادات الشبكة وأدواتها، ويمكن لأصحاب "
                       "المصلحة الانضمام إليها أو قيادتها مع إحدى هيئات الأمم المتحدة.</p>"),
            _heading("الشبكات القطرية والإقليمية"),
            _paragraph("<p>تدعم الشبكات القطرية الحكومات حيث تنفذ الاتفاق العالمي، وتدعم الشبكات "
                       "الإقليمية الاستعراضات الإقليمية.</p>"),
        ],
    },
}

MPTF = {
    "en": {
        "title": "Migration Multi-Partner Trust Fund",
        "intro": "The only pooled funding instrument on migration, guided by the Global Compact's "
                 "guiding principles.",
        "body": [
            _heading("Five thematic areas"),
            _paragraph("<p>The fund groups the 23 objectives into five thematic areas:</p>"),
            "areas",
            _heading("How to apply"),
            _paragraph("<p>Country networks and UN country teams submit concept notes at any "
                       "time, at least six weeks before a meeting of the Steering Committee. "
                       "Retained concept notes become joint programmes.</p>"),
            _heading("The Steering Committee"),
            _paragraph("<p>The Steering Committee decides which concept notes are funded and "
                       "follows the fund's portfolio.</p>"),
        ],
    },
    "ar": {
        "title": "الصندوق الاستئماني المتعدد الشركاء المعني بالهجرة",
        "intro": "أداة التمويل المشترك الوحيدة المعنية بالهجرة، تسترشد بالمبادئ التوجيهية "
                 "للاتفاق العالمي.",
        "body": [
            _heading("خمسة مجالات مواضيعية"),
            _paragraph("<p>يجمع الصندوق أهداف الاتفاق العالمي الثلاثة والعشرين في خمسة مجالات "
                       "مواضيعية:</p>"),
            "areas",
            _heading("كيفية تقديم الطلبات"),
            _paragraph("<p>تقدم الشبكات القطرية وأفرقة الأمم المتحدة القطرية المذكرات المفاهيمية "
                       "في أي وقت، قبل ستة أسابيع على الأقل من اجتماع اللجنة التوجيهية. وتصبح "
                       "المذكرات المفاهيمية المقبولة برامج مشتركة.</p>"),
            _heading("اللجنة التوجيهية"),
            _paragraph("<p>تقرر اللجنة التوجيهية المذكرات المفاهيمية التي تُموَّل، وتتابع حافظة "
                       "مشاريع الصندوق.</p>"),
        ],
    },
}

CONTACT = {
    "en": {
        "title": "Contact",
        "intro": "Write to the secretariat of the Network.",
        "body": [_paragraph('<p>The hub: <a href="mailto:gcmhub@iom.int">gcmhub@iom.int</a></p>'
                            '<p>The Migration MPTF: <a href="mailto:migrationmptf@iom.int">'
                            'migrationmptf@iom.int</a></p>')],
    },
    "ar": {
        "title": "اتصل بنا",
        "intro": "راسلوا أمانة الشبكة.",
        "body": [_paragraph('<p>المركز: <a href="mailto:gcmhub@iom.int" dir="ltr">gcmhub@iom.int'
                            '</a></p><p>الصندوق الاستئماني المتعدد الشركاء المعني بالهجرة: '
                            '<a href="mailto:migrationmptf@iom.int" dir="ltr">migrationmptf@iom.int'
                            '</a></p>')],
    },
}

PAGES = (("about", ABOUT, True), ("migration-mptf", MPTF, False), ("contact", CONTACT, False))


def _fields(spec, language_code):
    body = [_areas(language_code) if block == "areas" else block for block in spec["body"]]
    return {"title": spec["title"], "intro": spec["intro"], "body": body}


def _footer_link(page, arabic, order):
    """The page in the footer of each language: the Arabic link a translation of the English."""
    from hub.models import FooterLink

    link = FooterLink.objects.create(label=page.title, page=page, sort_order=order,
                                     locale=page.locale)
    translation = link.copy_for_translation(arabic.locale)
    translation.label, translation.page = arabic.title, arabic
    translation.save()


@register(order=80)
def load_editorial_pages(stdout):
    from home.models import HomePage

    from .models import StandardPage

    home = HomePage.objects.filter(locale__language_code="en").first()
    if home is None or StandardPage.objects.exists():
        return
    for order, (slug, spec, toc) in enumerate(PAGES):
        page = StandardPage(slug=slug, show_in_menus=slug == "about", show_table_of_contents=toc,
                            **_fields(spec["en"], "en"))
        arabic = publish_child(home, page, **_fields(spec["ar"], "ar"))
        _footer_link(page, arabic, order)
    stdout.write("Editorial pages created (about, Migration MPTF, contact).")


HOME_BLOCKS = {
    "en": {"counts": "The hub in numbers", "practices": "practices", "countries": "countries",
           "reviews": "voluntary national reviews", "events": "Upcoming events"},
    "ar": {"counts": "المركز بالأرقام", "practices": "ممارسة", "countries": "دولة",
           "reviews": "استعراضًا وطنيًا طوعيًا", "events": "الفعاليات المقبلة"},
}


@register(order=95)
def load_home_blocks(stdout):
    """The home page of each language counts what its sections hold and lists the next events
    (the sections are found by their slugs: any app's index page may be one)."""
    from home.models import HomePage

    for home in HomePage.objects.all():
        if any(block.block_type == "section_counts" for block in home.body):
            continue
        words = HOME_BLOCKS.get(home.locale.language_code, HOME_BLOCKS["en"])
        sections = {page.slug: page for page in home.get_children().live()}
        items = [{"label": words[slug], "section": sections[slug]}
                 for slug in ("practices", "countries", "reviews") if slug in sections]
        if items:
            home.body.append(("section_counts", {"title": words["counts"], "items": items}))
        if "events" in sections:
            home.body.append(("latest_items", {"title": words["events"],
                                               "section": sections["events"], "count": 3}))
        publish(home)
    stdout.write("Home pages: counts of the sections and the next events.")
