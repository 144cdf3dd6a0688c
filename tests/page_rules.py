"""Where each page type may be created, checked the way Wagtail's own test case does."""


class PageTreeRules:
    """Mixed into a ``WagtailPageTestCase``: ``allowed`` and ``refused`` list (parent, child)
    pairs of page models."""

    allowed = ()
    refused = ()

    def test_page_tree_rules(self):
        for parent, child in self.allowed:
            self.assertCanCreateAt(parent, child)
        for parent, child in self.refused:
            self.assertCanNotCreateAt(parent, child)
