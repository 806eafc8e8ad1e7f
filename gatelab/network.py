"""Where a server listens: this computer only (loopback), or the whole network, and what follows.

A server on 127.0.0.1 (loopback, 루프백) is reached from this computer alone; one on 0.0.0.0 or a
LAN address is reached by every device on the network, so its changes need a key. The `gatelab`
command, the notebook's server and the API's key all ask this module, so they always agree.
"""

from __future__ import annotations

import ipaddress
import socket

# Every server starts on this computer only, unless told otherwise.
DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 8000
# The addresses that mean "every network interface of this computer".
ALL_INTERFACES = ("0.0.0.0", "::", "")


class ServerStartError(OSError):
    """The server could not start: the port is taken, or startup failed or timed out."""


def is_loopback(host: str) -> bool:
    """Whether `host` is this computer only (127.0.0.0/8, ::1 or localhost)."""
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:  # a host name other than localhost
        return False


def needs_key(host: str) -> bool:
    """Whether a server on `host` must ask a key for changes: yes, beyond this computer."""
    return not is_loopback(host)


def socket_family(host: str) -> socket.AddressFamily:
    """IPv6 for an address with a colon (::1), else IPv4."""
    return socket.AF_INET6 if ":" in host else socket.AF_INET


def base_url(host: str, port: int) -> str:
    """http://host:port, with brackets around an IPv6 address."""
    return f"http://[{host}]:{port}" if ":" in host else f"http://{host}:{port}"


def local_url(host: str, port: int) -> str:
    """The address to open on this computer: a server on every interface is reached via loopback."""
    if host in ("0.0.0.0", ""):
        host = "127.0.0.1"
    elif host == "::":
        host = "::1"
    return base_url(host, port)


def lan_address() -> str | None:
    """This computer's address on its network, or None if it has none (or cannot tell)."""
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as probe:
        try:
            # Connecting a UDP socket sends nothing: it only picks the route, and so the address.
            probe.connect(("192.0.2.1", 9))  # TEST-NET-1, never a real host
            address = probe.getsockname()[0]
        except OSError:
            return None
    return None if address.startswith(("127.", "0.")) else address


def listening_socket(host: str, port: int) -> socket.socket:
    """A TCP socket bound to (host, port), ready to listen; OSError if the port is taken."""
    # IPPROTO_TCP, not the default 0: accepted connections inherit it, and asyncio turns Nagle's
    # algorithm off (TCP_NODELAY) only on sockets that say they are TCP. Without it, every
    # request after the first on a kept-alive connection waits for a delayed ACK.
    sock = socket.socket(socket_family(host), socket.SOCK_STREAM, socket.IPPROTO_TCP)
    # The option uvicorn sets too: a restarted server binds again at once while old connections
    # linger in TIME_WAIT; on Linux and macOS it does not let two servers share a port.
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        sock.bind((host, port))
    except OSError:
        sock.close()
        raise
    return sock


def free_port(host: str = DEFAULT_HOST) -> int:
    """A port nobody listened on a moment ago (the operating system picks it for port 0)."""
    with socket.socket(socket_family(host), socket.SOCK_STREAM) as sock:
        sock.bind((host, 0))
        return sock.getsockname()[1]
