"""What can go wrong with the listener's data, as exceptions whose messages are for people."""

from __future__ import annotations


class StorageError(Exception):
    """The listener's data could not be read or written; the message is for people."""


class CorruptDatabase(StorageError):
    pass


class DatabaseFromNewerVersion(StorageError):
    pass


class DatabaseReadOnly(StorageError):
    pass


class DatabaseBusy(StorageError):
    """Another program holds the write lock; trying again later will work."""


class NotAFile(StorageError):
    """Something that is not a file (a folder, say) sits where the database belongs."""


class NotFound(StorageError, KeyError):
    """A record asked for by id is not there (deleted in another window, say)."""

    __str__ = Exception.__str__  # KeyError's would quote the message
