"""A two-node OpenSearch cluster losing a node while visitors search and editors publish.

Run by `make test-cluster` (.ci/run): it starts the cluster (`make engine-cluster`: hub-a on
9201, hub-b on 9202, one replica of every shard), sets OPENSEARCH_URL to both nodes and
OPENSEARCH_CLUSTER=1, and stops it after. Skipped, with the reason shown, otherwise.
"""

import os
import subprocess
import time
from pathlib import Path

import pytest
from opensearchpy import OpenSearch
from wagtail.models import Page
from wagtail.search.backends import get_search_backend

from practices.models import PracticePage
from search.models import IndexBacklog
from search.query import search_pages

pytestmark = [
    pytest.mark.opensearch,
    pytest.mark.django_db,
    pytest.mark.skipif(not os.environ.get("OPENSEARCH_CLUSTER"),
                       reason="needs the two-node cluster: make test-cluster"),
]

ENGINE = Path(__file__).resolve().parents[2] / "engine" / "engine.sh"
NODES = {"hub-a": "http://127.0.0.1:9201", "hub-b": "http://127.0.0.1:9202"}


def wait_for(check, seconds=300):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            if check():
                return
        except Exception:  # a node still starting
            pass
        time.sleep(1)
    raise AssertionError(f"not reached within {seconds} s: {check.__doc__}")


def test_searches_and_publishes_go_on_while_a_node_is_down(make_page):
    backend = get_search_backend()
    index = backend.get_index_for_model(PracticePage).name
    cluster = backend.es
    replicas = {name: found["settings"]["index"]["number_of_replicas"]
                for name, found in cluster.indices.get_settings(index=index).items()}
    assert set(replicas.values()) == {"1"}  # OpenSearch's default: a copy on each node
    pages = [make_page(f"Corridor {i}", "remittance costs") for i in range(5)]

    # Stop the node that is not the elected cluster manager (with two manager-eligible nodes,
    # only the elected one holds the vote), while searching and publishing.
    manager = cluster.cat.cluster_manager(format="json")[0]["node"]
    stopped = next(name for name in NODES if name != manager)
    stopping = subprocess.Popen([str(ENGINE), "stop", stopped], stdout=subprocess.DEVNULL)
    answered = 0
    for i in range(10):
        pages.append(make_page(f"Corridor {i} later", "remittance costs"))
        assert set(search_pages(Page.objects.live(), "remittance")) == {p.pk for p in pages}
        answered += 1
    assert stopping.wait(60) == 0
    for i in range(5):  # and with the node certainly gone
        pages.append(make_page(f"Corridor {i} alone", "remittance costs"))
        assert set(search_pages(Page.objects.live(), "remittance")) == {p.pk for p in pages}
    assert answered == 10
    assert not IndexBacklog.objects.exists()  # no publish had to wait for the engine

    subprocess.run([str(ENGINE), "start-node", stopped], check=True, stdout=subprocess.DEVNULL)

    def green_with_two_nodes():
        """the cluster green with both nodes"""
        health = cluster.cluster.health()
        return health["status"] == "green" and health["number_of_nodes"] == 2

    wait_for(green_with_two_nodes)
    # Each node answers from its own copy of the shard: both copies hold every publish.
    for url in NODES.values():
        node = OpenSearch([url])
        node.indices.refresh(index=index)
        count = node.count(index=index, preference="_only_local",
                           body={"query": {"match": {"_all_text": "remitt"}}})["count"]
        assert count == len(pages), url
