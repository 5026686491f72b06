"""galley: convert news and journal articles between publishing formats.

    import galley
    epub = galley.convert(html_bytes, from_="html+extract", to="epub")      # bytes
    jats = galley.convert(text, from_="plain", to="jats")                   # str
    doc = galley.read(text, from_="plain")             # Pandoc JSON as dicts and lists
    md = galley.write(doc, to="markdown")

The same pipeline and the same bytes as the galley command for the same options
(read, metadata, filters, write). Text writers give str, binary ones (epub, pdf)
bytes. Failures raise galley.Error subclasses (UsageError, InputError,
OutputError, FilterError, CancelledError, InternalError) whose `id` is the stable
error id ("galley.json.parse"). Warnings about lost or rewritten content are
galley.ConversionWarning objects (`kind`, `message`): issued through Python's
warnings module, or appended to the list given as warnings=[] (thread-safe, as
the warnings module's filters are not). The GIL is released while converting, so
threads convert in parallel.
"""
import json as _json

from ._galley import (  # noqa: F401  (re-exported)
    CancelledError,
    ConversionWarning,
    Error,
    FilterError,
    InputError,
    InternalError,
    OutputError,
    UsageError,
    __version__,
    abi_version,
    convert,
)
from . import _galley

__all__ = ["convert", "read", "write", "formats", "Error", "UsageError", "InputError", "OutputError",
           "FilterError", "CancelledError", "InternalError", "ConversionWarning", "__version__"]



def read(data, from_="html+extract", **kwargs):
    """Reads one article into Pandoc's document model: Pandoc JSON as Python objects
    (dicts, lists, str, int), equal to json.loads of `galley -t json`'s output.
    Takes convert()'s keyword arguments (metadata, filters, options, warnings, ...)."""
    return _json.loads(convert(data, from_, "json", **kwargs))


def write(doc, to="epub", **kwargs):
    """Writes a document given as Pandoc JSON objects (what read() returns, or any
    pandoc-api-version 1.22/1.23 document) in the format `to`. Takes convert()'s
    keyword arguments. Returns bytes for binary writers, str for text writers."""
    try:
        text = _json.dumps(doc, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    except (TypeError, ValueError, RecursionError) as e:
        err = UsageError(f"[galley.python.type] doc is not a JSON document: {e}")
        err.id, err.message = "galley.python.type", f"doc is not a JSON document: {e}"
        raise err from None
    return convert(text, "json", to, **kwargs)


def formats():
    """The built-in formats: {"readers": [...], "writers": [...], "default_reader",
    "default_writer"}; each format a dict with name, aliases, description,
    extensions ({name, default, description}) and file_extensions; writers also
    binary and joins_documents."""
    return _json.loads(_galley.formats_json())
