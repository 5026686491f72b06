# Type stubs of the galley package (python/galley/__init__.py and the compiled galley._galley).
import os
from typing import Any, Mapping, Sequence, Union

__version__: str
abi_version: int

_Data = Union[bytes, bytearray, memoryview, str]
_Option = Union[str, bool, int]

class Error(Exception):
    """A failed conversion; `id` is the stable error id (galley.<area>.<what>)."""
    id: str
    message: str

class UsageError(Error): ...
class InputError(Error): ...
class OutputError(Error): ...
class FilterError(Error): ...
class CancelledError(Error): ...
class InternalError(Error): ...

class ConversionWarning(UserWarning):
    """Content lost or rewritten; `kind` is a stable word (lost-content, rewritten-id, ...)."""
    kind: str
    message: str

def convert(
    data: _Data,
    from_: str | None = "html+extract",
    to: str = "epub",
    *,
    metadata: Mapping[str, _Option] | None = None,
    variables: Mapping[str, _Option] | None = None,
    source_url: str | None = None,
    resource_root: str | os.PathLike[str] | None = None,
    filters: Sequence[str | os.PathLike[str]] | None = None,
    options: Mapping[str, _Option | Sequence[_Option]] | None = None,
    warnings: list[ConversionWarning] | None = None,
) -> bytes | str: ...

def read(
    data: _Data,
    from_: str | None = "html+extract",
    *,
    metadata: Mapping[str, _Option] | None = None,
    variables: Mapping[str, _Option] | None = None,
    source_url: str | None = None,
    resource_root: str | os.PathLike[str] | None = None,
    filters: Sequence[str | os.PathLike[str]] | None = None,
    options: Mapping[str, _Option | Sequence[_Option]] | None = None,
    warnings: list[ConversionWarning] | None = None,
) -> dict[str, Any]: ...

def write(
    doc: Mapping[str, Any],
    to: str = "epub",
    *,
    metadata: Mapping[str, _Option] | None = None,
    variables: Mapping[str, _Option] | None = None,
    source_url: str | None = None,
    resource_root: str | os.PathLike[str] | None = None,
    filters: Sequence[str | os.PathLike[str]] | None = None,
    options: Mapping[str, _Option | Sequence[_Option]] | None = None,
    warnings: list[ConversionWarning] | None = None,
) -> bytes | str: ...

def formats() -> dict[str, Any]: ...
