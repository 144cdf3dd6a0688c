"""Which engine errors mean "unreachable" (kept for later, message to visitors) and which are
bugs to see. Real exception classes of both clients; no engine needed."""

import inspect

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


def test_the_client_and_the_events_app_both_import():
    """opensearch-py imports the PyPI package `events`; the hub has an app of that name
    (search/clients.py)."""
    from opensearchpy.metrics import metrics_events

    import events

    assert events.__file__.endswith("events/__init__.py") and "site-packages" not in events.__file__
    assert "site-packages" in inspect.getfile(metrics_events.Events)
