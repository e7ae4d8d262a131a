"""A connection to a D-Bus message bus, read and written from Qt's event loop, without threads.

The short set-up (authentication, ``Hello``, claiming a name) is done blocking with jeepney, a
few milliseconds on a local socket. After that the socket is non-blocking: a ``QSocketNotifier``
hands what arrives to jeepney's ``Parser``, and what is sent waits in an outbox until the
socket takes it, so a slow client never stalls the window.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence

from jeepney import Message
from jeepney.bus_messages import DBusNameFlags, message_bus
from jeepney.io.blocking import DBusConnection, Proxy, open_dbus_connection
from jeepney.wrappers import DBusErrorResponse
from PySide6.QtCore import QObject, QSocketNotifier, QTimer
from shiboken6 import isValid

log = logging.getLogger(__name__)

PRIMARY_OWNER = 1  # RequestName's answer when the name is now ours
SETUP_TIMEOUT_S = 2.0


class NoBus(Exception):
    """The bus could not be reached, or none of the names could be claimed."""


def open_bus(address: str, names: Sequence[str]) -> tuple[DBusConnection, str]:
    """A connection to the bus at ``address`` owning the first free name of ``names``."""
    try:
        conn = open_dbus_connection(bus=address, auth_timeout=SETUP_TIMEOUT_S)
    except (OSError, RuntimeError, ValueError, DBusErrorResponse) as e:
        raise NoBus(f"cannot connect to {address!r}: {e}") from e
    bus = Proxy(message_bus, conn, timeout=SETUP_TIMEOUT_S)
    try:
        for name in names:
            if bus.RequestName(name, DBusNameFlags.do_not_queue)[0] == PRIMARY_OWNER:
                return conn, name
    except (OSError, DBusErrorResponse) as e:
        conn.close()
        raise NoBus(f"could not claim a bus name: {e}") from e
    conn.close()
    raise NoBus(f"every name is taken: {', '.join(names)}")


class BusLink(QObject):
    """Feeds every message from ``conn`` to ``receive``; ``send`` queues one for the bus."""

    def __init__(
        self, conn: DBusConnection, receive: Callable[[Message], None], parent: QObject
    ) -> None:
        super().__init__(parent)
        self._conn = conn
        self._receive = receive
        self._outbox = bytearray()
        self.closed = False
        conn.sock.setblocking(False)
        fd = conn.sock.fileno()
        self._reader = QSocketNotifier(fd, QSocketNotifier.Type.Read, self)
        self._reader.activated.connect(self._read)
        self._writer = QSocketNotifier(fd, QSocketNotifier.Type.Write, self)
        self._writer.setEnabled(False)
        self._writer.activated.connect(self._flush)
        # Messages that came in with the set-up's replies are already in the parser.
        QTimer.singleShot(0, self._deliver)

    def send(self, msg: Message) -> None:
        if self.closed:
            return
        self._outbox += msg.serialise(serial=next(self._conn.outgoing_serial))
        self._flush()

    def close(self) -> None:
        """Leave the bus (it drops our name with the connection); safe to call twice."""
        if self.closed:
            return
        self.closed = True
        for notifier in (self._reader, self._writer):
            if isValid(notifier):
                notifier.setEnabled(False)
        self._conn.close()

    def _flush(self, *_: object) -> None:
        try:
            while self._outbox:
                sent = self._conn.sock.send(self._outbox)
                del self._outbox[:sent]
        except BlockingIOError:
            pass
        except OSError as e:
            self._lost(e)
            return
        self._writer.setEnabled(bool(self._outbox))

    def _read(self, *_: object) -> None:
        try:
            while True:
                data = self._conn.sock.recv(65536)
                if not data:
                    self._lost(ConnectionResetError("the bus closed the connection"))
                    return
                self._conn.parser.add_data(data)
        except BlockingIOError:
            pass
        except OSError as e:
            self._lost(e)
            return
        self._deliver()

    def _deliver(self) -> None:
        while not self.closed:
            try:
                msg = self._conn.parser.get_next_message()
            except ValueError as e:  # a garbled stream cannot be resynchronised
                self._lost(e)
                return
            if msg is None:
                return
            self._receive(msg)

    def _lost(self, error: Exception) -> None:
        log.info("D-Bus: lost the session bus (%s); media keys are off", error)
        self.close()
