"""A small TCP proxy that can play at a database going away, for tests against a live server.

Restarting the machine's PostgreSQL would break everyone else's tests, so the server under test
talks to PostgreSQL through this proxy instead, and the proxy is what "restarts":

* `cut()` closes every connection it carries, at once and without a word to either side, and
  stops listening, so new connections are refused (ECONNREFUSED) as they are while PostgreSQL is
  down;
* `restore()` listens again on the same port, and new connections reach PostgreSQL as before.

What this does not imitate: a real restart or fail-over first sends each session "FATAL:
terminating connection due to administrator command", may answer "the database system is starting
up" for a while, and may lose transactions that were not yet flushed on a crash. Here the
connections simply drop; PostgreSQL itself keeps running and sees clients disconnect, so it rolls
their open transactions back exactly as it would for a crashed client. The application sees the
same exceptions (`OperationalError`, `InterfaceError`) in both cases.

Plain threads, one pair per connection: a handful of connections (one per gunicorn worker) is all
it ever carries.
"""

from __future__ import annotations

import socket
import threading
from contextlib import suppress

ACCEPT_POLL_SECONDS = 0.05
BUFFER_SIZE = 64 * 1024


class TcpProxy:
    """Listens on 127.0.0.1 (a free port, kept across `cut()` and `restore()`) and forwards each
    connection to `upstream`."""

    def __init__(self, upstream_host: str, upstream_port: int, listen_port: int = 0):
        self.upstream = (upstream_host, upstream_port)
        self.port = listen_port
        self.connections_made = 0
        self.connections_cut = 0
        self._lock = threading.Lock()
        self._open: set[socket.socket] = set()
        self._listener: socket.socket | None = None
        self._accepting = threading.Event()
        self._accept_thread: threading.Thread | None = None

    # --- Life cycle --------------------------------------------------------------------------

    def start(self) -> TcpProxy:
        listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        listener.bind(("127.0.0.1", self.port))
        listener.listen(128)
        listener.settimeout(ACCEPT_POLL_SECONDS)
        self.port = listener.getsockname()[1]
        self._listener = listener
        self._accepting.set()
        self._accept_thread = threading.Thread(
            target=self._accept_loop, args=(listener,), name="tcp-proxy-accept", daemon=True
        )
        self._accept_thread.start()
        return self

    def stop(self) -> None:
        self._stop_listening()
        self._close_all()

    def __enter__(self) -> TcpProxy:
        return self.start()

    def __exit__(self, *exc) -> None:
        self.stop()

    @property
    def is_up(self) -> bool:
        return self._accepting.is_set()

    # --- The outage ----------------------------------------------------------------------------

    def cut(self) -> int:
        """Drop every open connection and refuse new ones. Returns how many were dropped."""
        self._stop_listening()
        return self._close_all()

    def restore(self) -> None:
        """Listen again on the same port."""
        if not self.is_up:
            self.start()

    # --- Inside ----------------------------------------------------------------------------------

    def _stop_listening(self) -> None:
        # The accept loop closes the listening socket itself: closing it from here would not
        # wake a thread blocked in accept() on Linux.
        self._accepting.clear()
        if self._accept_thread is not None:
            self._accept_thread.join(timeout=5)
            self._accept_thread = None
        self._listener = None

    def _close_all(self) -> int:
        with self._lock:
            sockets, self._open = self._open, set()
        for sock in sockets:
            with suppress(OSError):
                sock.shutdown(socket.SHUT_RDWR)
            with suppress(OSError):
                sock.close()
        dropped = len(sockets) // 2
        self.connections_cut += dropped
        return dropped

    def _accept_loop(self, listener: socket.socket) -> None:
        try:
            while self._accepting.is_set():
                try:
                    client, _address = listener.accept()
                except TimeoutError:
                    continue
                except OSError:
                    break
                self._connect(client)
        finally:
            listener.close()

    def _connect(self, client: socket.socket) -> None:
        client.settimeout(None)
        try:
            server = socket.create_connection(self.upstream, timeout=5)
            server.settimeout(None)
        except OSError:
            client.close()
            return
        with self._lock:
            self._open.update((client, server))
            self.connections_made += 1
        for source, target in ((client, server), (server, client)):
            threading.Thread(
                target=self._pump, args=(source, target), name="tcp-proxy-pump", daemon=True
            ).start()

    def _pump(self, source: socket.socket, target: socket.socket) -> None:
        try:
            while True:
                data = source.recv(BUFFER_SIZE)
                if not data:
                    break
                target.sendall(data)
        except OSError:
            pass
        finally:
            # One side finished or failed: the whole connection is over, as with a real server.
            with self._lock:
                self._open.discard(source)
                self._open.discard(target)
            for sock in (source, target):
                with suppress(OSError):
                    sock.shutdown(socket.SHUT_RDWR)
                with suppress(OSError):
                    sock.close()
