"""Radicale's own multifilesystem storage, with three changes for the scale test and the bench.

Radicale 3.1 does work in proportion to the whole collection on every create, so a collection
that grows to N items costs N^2/2 steps (upstream: Kozea/Radicale issue 1282):

- the UID check (``has_uid``) loads every item of the collection. Here the UIDs are kept in an
  index per collection, built by one full scan and then kept up to date by this server's own
  uploads and deletes; it is trusted only while the folder's mtime is the one this server left,
  so a change made behind its back means a new scan. The answer stays Radicale's.
- after each upload, the item cache and the sync history are swept for entries of deleted items
  (one stat per item). Without a delete there is nothing to sweep: here the sweep runs only
  after a delete.
- files are not fsync'ed, as in Radicale's own test suite (a killed server still keeps
  everything it wrote; only a power cut would not).

Used with ``--storage-type compass_scale_storage`` and this folder on PYTHONPATH.
"""

import os
import threading
from collections import Counter
from typing import Dict, Optional, Set

from radicale import config
from radicale import item as radicale_item
from radicale.storage import multifilesystem


class _Index:
    def __init__(self) -> None:
        self.mtime = -1
        self.uids: Dict[str, Optional[str]] = {}
        self.count: Counter = Counter()

    def put(self, href: str, uid: Optional[str]) -> None:
        self.remove(href)
        self.uids[href] = uid
        self.count[uid] += 1

    def remove(self, href: str) -> None:
        if href in self.uids:
            old = self.uids.pop(href)
            self.count[old] -= 1
            if self.count[old] <= 0:
                del self.count[old]


class Collection(multifilesystem.Collection):
    def _index(self) -> _Index:
        """The collection's UID index (the storage's lock for it held by the caller)."""
        indexes: Dict[str, _Index] = self._storage._uid_indexes
        index = indexes.get(self._filesystem_path)
        if index is None or index.mtime != os.stat(self._filesystem_path).st_mtime_ns:
            index = _Index()
            index.mtime = os.stat(self._filesystem_path).st_mtime_ns
            for href in self._list():
                found = self._get(href, verify_href=False)
                index.put(href, found.uid if found is not None else None)
            indexes[self._filesystem_path] = index
        return index

    def _touched(self, index: _Index) -> None:
        index.mtime = os.stat(self._filesystem_path).st_mtime_ns

    def has_uid(self, uid: str) -> bool:
        with self._storage._uid_lock:
            return uid in self._index().count

    def upload(self, href: str, item: radicale_item.Item) -> radicale_item.Item:
        with self._storage._uid_lock:
            index = self._index()
            uploaded = super().upload(href, item)
            index.put(href, uploaded.uid)
            self._touched(index)
            return uploaded

    def delete(self, href: Optional[str] = None) -> None:
        if href is None:
            super().delete(href)
            return
        with self._storage._uid_lock:
            index = self._index()
            super().delete(href)
            index.remove(href)
            self._storage._swept.discard(self._filesystem_path)
            self._touched(index)

    def _clean_item_cache(self) -> None:
        if self._filesystem_path not in self._storage._swept:
            super()._clean_item_cache()

    def _clean_history(self) -> None:
        if self._filesystem_path not in self._storage._swept:
            super()._clean_history()
            self._storage._swept.add(self._filesystem_path)


class Storage(multifilesystem.Storage):
    _collection_class = Collection

    def __init__(self, configuration: config.Configuration) -> None:
        super().__init__(configuration)
        self._filesystem_fsync = False
        self._uid_lock = threading.RLock()
        self._uid_indexes: Dict[str, _Index] = {}
        # Collections swept since their last delete (or since this server started).
        self._swept: Set[str] = set()
