"""SHA-1 and SHA-256 for ids and cache keys, without loading OpenSSL before the first frame.

``hashlib`` loads OpenSSL's libcrypto (3 MiB of memory) to offer every algorithm. The window's
start needs only these two, for an episode's id and the brief cache's keys, and CPython carries
its own small implementations of them; ``hashlib`` stays the fallback where it does not.
"""

from __future__ import annotations

try:
    from _sha1 import sha1
    from _sha256 import sha256
except ImportError:  # another Python: the same digests through hashlib
    from hashlib import sha1, sha256

__all__ = ["sha1", "sha256"]
