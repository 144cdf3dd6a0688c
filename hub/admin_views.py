"""What the hub's own admin screens share with Wagtail's."""


def admin_header(title, icon, subtitle=""):
    """The context of Wagtail's generic admin template (``wagtailadmin/generic/base.html``),
    which a screen extends for Wagtail's header above its ``main_content``: the title names the
    browser tab and heads the screen, beside the icon; the subtitle names what it is about."""
    return {"header_title": title, "page_title": title, "page_subtitle": subtitle,
            "header_icon": icon}
