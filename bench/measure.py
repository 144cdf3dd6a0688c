"""Time pages through the Django test client and count their SQL queries."""

import statistics
import time

from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext


def percentile(values, fraction):
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(fraction * (len(ordered) - 1))))
    return ordered[index]


def fetch(client, url):
    """A request, its body read to the end (streamed exports only run as they are read)."""
    response = client.get(url)
    if response.streaming:
        b"".join(response.streaming_content)
    return response


def first_byte_and_peak(client, url):
    """Milliseconds to the first chunk of a streamed response, and the peak of Python memory
    allocated while reading all of it (tracemalloc), in MB."""
    import tracemalloc

    tracemalloc.start()
    start = time.perf_counter()
    response = client.get(url)
    chunks = iter(response.streaming_content)
    next(chunks)
    first_ms = (time.perf_counter() - start) * 1000
    size = sum(len(chunk) for chunk in chunks)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return {"url": url, "first_byte_ms": round(first_ms, 1),
            "peak_mb": round(peak / 1e6, 1), "body_mb": round(size / 1e6, 1)}


def measure(client: Client, url: str, runs: int, warmup: int = 2):
    """Median and 95th percentile in milliseconds, and the query count of one request."""
    for _ in range(warmup):
        response = fetch(client, url)
        if response.status_code != 200:
            raise RuntimeError(f"{url} answered {response.status_code}")
    timings = []
    for _ in range(runs):
        start = time.perf_counter()
        fetch(client, url)
        timings.append((time.perf_counter() - start) * 1000)
    with CaptureQueriesContext(connection) as queries:
        fetch(client, url)
    return {
        "url": url,
        "median_ms": round(statistics.median(timings), 1),
        "p95_ms": round(percentile(timings, 0.95), 1),
        "queries": len(queries),
        "runs": runs,
    }
