"""Radicale's own multifilesystem storage, with two changes for the scale test and the bench.

Radicale 3.1 checks on every new item that no other item of the collection has its UID, by loading
every item (``has_uid`` over ``get_all``): a collection that grows to N items costs N^2/2 item loads,
so 2,000 creates spend minutes in that loop alone (upstream: Kozea/Radicale issue 1282). Here the
UIDs are remembered per file name and inode (Radicale writes every item to a new file and renames it
into place, so a changed item is a new inode), and only new files are loaded: the answer stays
Radicale's, the cost becomes one directory listing. And files are not fsync'ed, as in Radicale's
own test suite (a killed server still keeps everything it wrote; only a power cut would not).

Used with ``--storage-type compass_scale_storage`` and this folder on PYTHONPATH.
"""

import os
import threading
from typing import Dict, Optional, Tuple

from radicale import config, pathutils
from radicale.storage import multifilesystem


class Collection(multifilesystem.Collection):
    def has_uid(self, uid: str) -> bool:
        storage = self._storage
        with storage._uid_lock:
            known = storage._uids.setdefault(self._filesystem_path, {})
            seen = set()
            found = False
            for entry in os.scandir(self._filesystem_path):
                name = entry.name
                inode = entry.inode()
                cached = known.get(name)
                if cached is None or cached[0] != inode:
                    if not entry.is_file() or not pathutils.is_safe_filesystem_path_component(name):
                        continue
                    item = self._get(name, verify_href=False)
                    cached = (inode, item.uid if item is not None else None)
                    known[name] = cached
                seen.add(name)
                if cached[1] == uid:
                    found = True
            for name in set(known) - seen:
                del known[name]
            return found


class Storage(multifilesystem.Storage):
    _collection_class = Collection

    def __init__(self, configuration: config.Configuration) -> None:
        super().__init__(configuration)
        self._filesystem_fsync = False
        self._uid_lock = threading.Lock()
        self._uids: Dict[str, Dict[str, Tuple[int, Optional[str]]]] = {}
