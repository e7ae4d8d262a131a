"""One object served on D-Bus: its interfaces, properties and signals, each with its wire type.

Every value leaves with the signature written next to it here, never with a type guessed from the
Python value: MPRIS wants lengths and positions as ``x`` (int64) whatever their size, and a
binding that picks ``i`` for small integers breaks players' progress bars in strict clients.
The standard interfaces every object answers (Properties, Introspectable, Peer) are built in.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from xml.sax.saxutils import quoteattr

from jeepney import DBusAddress, HeaderFields, Message, MessageFlag, MessageType
from jeepney.wrappers import new_error, new_method_return, new_signal

log = logging.getLogger(__name__)

PROPS_IFACE = "org.freedesktop.DBus.Properties"
INTROSPECT_IFACE = "org.freedesktop.DBus.Introspectable"
PEER_IFACE = "org.freedesktop.DBus.Peer"
_ERROR = "org.freedesktop.DBus.Error."
_NUMBERS = frozenset("ynqiuxtd")
_EMITS = "org.freedesktop.DBus.Property.EmitsChangedSignal"
_DOCTYPE = (
    '<!DOCTYPE node PUBLIC "-//freedesktop//DTD D-BUS Object Introspection 1.0//EN"\n'
    ' "http://www.freedesktop.org/standards/dbus/1.0/introspect.dtd">\n'
)


@dataclass(frozen=True, slots=True)
class Method:
    """``signature`` is what its arguments must be; with a ``reply`` signature, ``run`` returns
    the reply's values as a tuple."""

    run: Callable[..., object]
    signature: str = ""
    args: tuple[str, ...] = ()
    reply: str = ""
    results: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Prop:
    signature: str
    get: Callable[[], object]
    set: Callable[[object], None] | None = None
    # "true": PropertiesChanged tells its new value; "false": clients poll it (MPRIS Position);
    # "const": it never changes.
    emits: str = "true"


@dataclass(frozen=True, slots=True)
class Emits:
    """A signal: the signature of its arguments and their names, for introspection."""

    signature: str
    args: tuple[str, ...] = ()


@dataclass(frozen=True)
class Interface:
    name: str
    methods: Mapping[str, Method] = field(default_factory=dict)
    props: Mapping[str, Prop] = field(default_factory=dict)
    signals: Mapping[str, Emits] = field(default_factory=dict)


class BusError(Exception):
    """Answered to the caller as the D-Bus error ``org.freedesktop.DBus.Error.<name>``."""

    def __init__(self, name: str, text: str) -> None:
        super().__init__(text)
        self.name = name


class BusObject:
    """Answers method calls to ``path`` and sends its signals through ``send``."""

    def __init__(
        self, path: str, interfaces: Sequence[Interface], send: Callable[[Message], None]
    ) -> None:
        self.path = path
        self.interfaces = {i.name: i for i in (*interfaces, *self._standard())}
        self._send = send

    def _standard(self) -> tuple[Interface, ...]:
        """What every object answers: its properties, its description and a ping."""
        names = ("interface_name", "property_name")
        props = Interface(
            PROPS_IFACE,
            methods={
                "Get": Method(self._get, "ss", names, "v", ("value",)),
                "GetAll": Method(self._get_all, "s", names[:1], "a{sv}", ("properties",)),
                "Set": Method(self._set, "ssv", (*names, "value")),
            },
            signals={"PropertiesChanged": Emits("sa{sv}as", (names[0], "changed", "invalidated"))},
        )
        introspectable = Interface(
            INTROSPECT_IFACE,
            methods={
                "Introspect": Method(
                    lambda: (self.introspect(self.path),), reply="s", results=("xml",)
                )
            },
        )
        peer = Interface(
            PEER_IFACE,
            methods={
                "Ping": Method(lambda: None),
                "GetMachineId": Method(lambda: (_machine_id(),), reply="s", results=("uuid",)),
            },
        )
        return props, introspectable, peer

    # outgoing ---------------------------------------------------------------------------------

    def emit(self, interface: str, name: str, *body: object) -> None:
        sig = self.interfaces[interface].signals[name].signature
        self._send(new_signal(DBusAddress(self.path, interface=interface), name, sig, body))

    def properties_changed(self, interface: str, names: Sequence[str]) -> None:
        changed = {n: self._value(self._prop(interface, n)) for n in names}
        emitter = DBusAddress(self.path, interface=PROPS_IFACE)
        body = (interface, changed, [])
        self._send(new_signal(emitter, "PropertiesChanged", "sa{sv}as", body))

    # incoming ---------------------------------------------------------------------------------

    def handle(self, msg: Message) -> None:
        """Answer ``msg`` when it is a method call (other messages are not for an object)."""
        if msg.header.message_type is not MessageType.method_call:
            return
        try:
            signature, body = self._dispatch(msg)
            reply = new_method_return(msg, signature or None, body)
            if not msg.header.flags & MessageFlag.no_reply_expected:
                self._send(reply)  # a value that does not fit its type fails here, not later
            return
        except BusError as e:
            reply = new_error(msg, _ERROR + e.name, "s", (str(e),))
        except Exception as e:  # a bug must not take the window down with it
            log.exception("D-Bus: %s failed", msg.header.fields.get(HeaderFields.member))
            reply = new_error(msg, _ERROR + "Failed", "s", (str(e),))
        if not msg.header.flags & MessageFlag.no_reply_expected:
            self._send(reply)

    def _dispatch(self, msg: Message) -> tuple[str, tuple]:
        fields = msg.header.fields
        path = fields.get(HeaderFields.path, "")
        interface = fields.get(HeaderFields.interface)
        member = fields.get(HeaderFields.member, "")
        signature, args = fields.get(HeaderFields.signature, ""), tuple(msg.body)
        if path != self.path:  # on the way to the object: a description naming the next node
            if interface in (None, INTROSPECT_IFACE) and member == "Introspect":
                return "s", (self.introspect(path),)
            raise BusError("UnknownObject", f"No object at {path}")
        method = self._method(interface, member)
        if signature != method.signature:
            raise BusError("InvalidArgs", f"{member} takes ({method.signature}), not ({signature})")
        result = method.run(*args)
        return method.reply, tuple(result) if method.reply else ()  # type: ignore[arg-type]

    def _method(self, interface: str | None, member: str) -> Method:
        if interface is not None and interface not in self.interfaces:
            raise BusError("UnknownInterface", f"No interface {interface}")
        for iface in self.interfaces.values():
            if interface in (None, iface.name) and member in iface.methods:
                return iface.methods[member]
        raise BusError("UnknownMethod", f"No method {member} on {interface or self.path}")

    def _get(self, interface: str, name: str) -> tuple[tuple[str, object]]:
        return (self._value(self._prop(interface, name)),)

    def _get_all(self, interface: str) -> tuple[dict[str, tuple[str, object]]]:
        iface = self.interfaces.get(interface)
        if iface is None:
            raise BusError("UnknownInterface", f"No interface {interface}")
        return ({n: self._value(p) for n, p in iface.props.items()},)

    def _set(self, interface: str, name: str, value: tuple[str, object]) -> None:
        prop = self._prop(interface, name)
        if prop.set is None:
            raise BusError("PropertyReadOnly", f"{name} cannot be set")
        prop.set(_accept(prop.signature, value))

    def _prop(self, interface: str, name: str) -> Prop:
        iface = self.interfaces.get(interface)
        if iface is None:
            raise BusError("UnknownInterface", f"No interface {interface}")
        if name not in iface.props:
            raise BusError("UnknownProperty", f"No property {name} on {interface}")
        return iface.props[name]

    @staticmethod
    def _value(prop: Prop) -> tuple[str, object]:
        return prop.signature, prop.get()

    # introspection ----------------------------------------------------------------------------

    def introspect(self, path: str) -> str:
        """The object's XML at its own path; a node naming the next segment on its way there."""
        if path == self.path:
            body = "".join(_interface_xml(i) for i in self.interfaces.values())
            return f"{_DOCTYPE}<node>\n{body}</node>\n"
        prefix = path.rstrip("/") + "/"
        if not self.path.startswith(prefix):
            raise BusError("UnknownObject", f"No object at {path}")
        child = self.path[len(prefix) :].split("/")[0]
        return f"{_DOCTYPE}<node>\n  <node name={quoteattr(child)}/>\n</node>\n"


def _accept(signature: str, variant: tuple[str, object]) -> object:
    """A property's new value, when the caller sent it with a type it can be read as."""
    sent, value = variant
    if sent == signature:
        return value
    if signature == "d" and sent in _NUMBERS:  # a volume of 1 sent as an integer is still 1.0
        return float(value)  # type: ignore[arg-type]
    raise BusError("InvalidArgs", f"expected a value of type {signature}, not {sent}")


def _args_xml(names: Sequence[str], signature: str, direction: str) -> str:
    types = _split_signature(signature)
    names = list(names) + [f"arg{i}" for i in range(len(names), len(types))]
    return "".join(
        f'      <arg name="{n}" type={quoteattr(t)}{direction}/>\n'
        for n, t in zip(names, types, strict=False)
    )


def _member_xml(kind: str, name: str, args: str) -> str:
    return (
        f'    <{kind} name="{name}">\n{args}    </{kind}>\n'
        if args
        else f'    <{kind} name="{name}"/>\n'
    )


def _interface_xml(iface: Interface) -> str:
    parts = [f"  <interface name={quoteattr(iface.name)}>\n"]
    for name, m in iface.methods.items():
        args = _args_xml(m.args, m.signature, ' direction="in"')
        results = _args_xml(m.results, m.reply, ' direction="out"')
        parts.append(_member_xml("method", name, args + results))
    for name, s in iface.signals.items():
        parts.append(_member_xml("signal", name, _args_xml(s.args, s.signature, "")))
    for name, p in iface.props.items():
        access = "readwrite" if p.set is not None else "read"
        head = f'    <property name="{name}" type={quoteattr(p.signature)} access="{access}"'
        if p.emits == "true":  # the default, said by saying nothing
            parts.append(head + "/>\n")
        else:
            note = f'<annotation name="{_EMITS}" value={quoteattr(p.emits)}/>'
            parts.append(f"{head}>\n      {note}\n    </property>\n")
    parts.append("  </interface>\n")
    return "".join(parts)


def _split_signature(signature: str) -> list[str]:
    """``"oxa{sv}"`` -> ``["o", "x", "a{sv}"]``: one complete type per argument."""
    types, i = [], 0
    while i < len(signature):
        j = i
        while signature[j] == "a":
            j += 1
        if signature[j] in "({":
            close, depth = {"(": ")", "{": "}"}[signature[j]], 0
            for k in range(j, len(signature)):
                depth += signature[k] == signature[j]
                depth -= signature[k] == close
                if depth == 0:
                    j = k
                    break
        types.append(signature[i : j + 1])
        i = j + 1
    return types


def _machine_id() -> str:
    for path in ("/etc/machine-id", "/var/lib/dbus/machine-id"):
        try:
            return Path(path).read_text(encoding="ascii").strip()
        except OSError:
            continue
    raise BusError("Failed", "this machine has no machine id")
