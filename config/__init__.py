"""The Django project: settings, root URLs, WSGI/ASGI entry points, apart from every app."""
