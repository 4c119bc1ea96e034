"""Temporary files beside their destination, for writes that become visible only by a rename.

`tempfile.mkstemp` creates files readable by their owner alone (0600); a table renamed
from one would stay that way. These get the mode a plain `open` would give (0666 less
the umask), so the data team's tools and colleagues can read what a batch writes.
"""

from __future__ import annotations

import os
import tempfile
import typing
from pathlib import Path


def _umask() -> int:
    mask = os.umask(0o022)  # the only portable way to read the umask is to set it and set it back
    os.umask(mask)
    return mask


def open_temporary(folder: Path, prefix: str) -> tuple[Path, typing.TextIO]:
    """A new hidden file in `folder` opened for UTF-8 text, with an ordinary file's permissions."""
    handle, name = tempfile.mkstemp(prefix=prefix, suffix=".tmp", dir=folder)
    try:
        if hasattr(os, "fchmod"):  # not on Windows, where mkstemp's mode is not restrictive anyway
            os.fchmod(handle, 0o666 & ~_umask())
        return Path(name), os.fdopen(handle, "w", encoding="utf-8", newline="")
    except BaseException:
        os.close(handle)
        Path(name).unlink(missing_ok=True)
        raise

