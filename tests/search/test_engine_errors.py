"""Which engine errors mean "unreachable" (kept for later, message to visitors) and which are
bugs to see. Real exception classes of both clients; no engine needed."""

import inspect
from pathlib import Path

import elastic_transport
import opensearchpy
import pytest

from search.backends.engine import is_unavailable


@pytest.mark.parametrize("error", [
    opensearchpy.ConnectionError("N/A", "Connection refused", None),
    opensearchpy.ConnectionTimeout("TIMEOUT", "Read timed out", None),
    opensearchpy.TransportError(503, "cluster_block_exception", {}),
    opensearchpy.TransportError(429, "es_rejected_execution_exception", {}),
    opensearchpy.TransportError(500, "NoShardAvailableActionException[No shard available]", {}),
    elastic_transport.ConnectionError("Connection refused"),
    elastic_transport.ConnectionTimeout("timed out"),
    ConnectionRefusedError(111, "Connection refused"),
])
def test_unreachable_or_overloaded(error):
    assert is_unavailable(error)


@pytest.mark.parametrize("error", [
    opensearchpy.RequestError(400, "parsing_exception", {}),
    opensearchpy.NotFoundError(404, "index_not_found_exception", {}),
    opensearchpy.TransportError(500, "search_phase_execution_exception: all shards failed", {}),
    ValueError("a bug"),
])
def test_rejected_requests_are_not_hidden(error):
    assert not is_unavailable(error)


def test_the_client_imports_even_beside_a_project_package_called_events():
    """opensearch-py imports the PyPI package `events`; a project app of that name would come
    first on the path (search/clients.py)."""
    from django.conf import settings
    from opensearchpy.metrics import metrics_events

    assert "site-packages" in inspect.getfile(metrics_events.Events)
    app = Path(settings.BASE_DIR) / "events" / "__init__.py"
    if app.exists():
        import events

        assert Path(events.__file__) == app
