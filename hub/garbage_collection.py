"""Keeps Python's full garbage collections short in the web processes.

A warmed-up worker holds some 240,000 long-lived objects (models, templates, URL patterns,
translations), and every full collection walks them all: about 80 ms, once every hundred or so
requests, which a visitor sees as an unexplained slow page (the load benchmark's p95 and p99,
docs/performance.md). Once the worker has served its first requests and loaded what it keeps,
gc.freeze() moves those objects out of the collector's sight; later collections only look at
what requests create.
"""

from __future__ import annotations

import gc

# Enough requests for the usual templates, translations and URL patterns to have been loaded.
WARM_UP_REQUESTS = 20


class FreezeAfterWarmUp:
    """WSGI middleware: after `after` requests, collect once and freeze what is left."""

    def __init__(self, application, after: int = WARM_UP_REQUESTS):
        self.application = application
        self.after = after
        self.served = 0

    def __call__(self, environ, start_response):
        try:
            return self.application(environ, start_response)
        finally:
            self.served += 1
            if self.served == self.after:
                gc.collect()
                gc.freeze()
