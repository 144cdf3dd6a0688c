from django import template

from ..services import page_link as absolute_page_link

register = template.Library()


@register.simple_tag
def page_link(page):
    return absolute_page_link(page)
