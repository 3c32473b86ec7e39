"""
Read one page from a file, as the command line and `newsdump.parse` do.
"""

from __future__ import annotations

import os
from pathlib import Path

from newsdump._readers import _compression, _open

__all__ = ["read_page"]


def read_page(path: str | os.PathLike[str], *, max_bytes: int | None = None) -> bytes:
    """
    Read the bytes of one page, decompressing gzip, bzip2, xz and zstd files.

    Whether the page is HTML, and how its bytes are decoded, is left to the
    parser (content, byte-order mark, declared charset, *encoding*).

    Args:
        path: The file.
        max_bytes: Read at most this many bytes plus one, so that a size
            limit can still tell the file is over it; ``None`` reads all.

    Returns:
        The page's bytes, decompressed.

    Raises:
        OSError: If the file cannot be read (`FileNotFoundError` if it does
            not exist, `IsADirectoryError` for a folder).
        ModuleNotFoundError: For a ``.zst`` file without the ``zstd`` extra.
    """
    file = Path(path)
    with file.open("rb") as raw:
        compression = _compression(raw.read(6))
    with _open(file, compression) as stream:
        return stream.read() if max_bytes is None else stream.read(max_bytes + 1)
