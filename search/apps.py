from django.apps import AppConfig


class SearchConfig(AppConfig):
    name = "search"

    def ready(self):
        from .clients import import_opensearchpy

        try:
            import_opensearchpy()
        except ImportError:  # the client is only needed with OPENSEARCH_URL
            pass
