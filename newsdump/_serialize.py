"""
One lossless converter between newsdump's models and plain data.

`to_dict` turns any model into dicts, lists, strings, numbers and ``None``
(datetimes become ISO 8601 strings with their offset);
`from_dict` turns such data back into the model, so
``from_dict(Article, to_dict(a)) == a`` for every article.
"""

from __future__ import annotations

import datetime as dt
import json
import types
import typing
from typing import Any, TypeVar, Union

import attrs

from newsdump._exceptions import ParseError
from newsdump._models import Article

__all__ = ["from_dict", "from_json", "to_dict", "to_json"]

T = TypeVar("T")


def _serialize(_inst: Any, _field: Any, value: Any) -> Any:
    if isinstance(value, dt.datetime):
        return value.isoformat()
    return value


def to_dict(obj: attrs.AttrsInstance) -> dict[str, Any]:
    """
    Convert a model to plain JSON-compatible data.

    Args:
        obj: An `Article`, `Source`, `RelatedItem` or any other model.

    Returns:
        A dict of plain values; tuples become lists and datetimes ISO 8601
        strings with offset.
    """
    return attrs.asdict(obj, value_serializer=_serialize)


def to_json(obj: attrs.AttrsInstance, *, indent: int | None = None) -> str:
    """
    Serialize a model to a JSON string.

    Args:
        obj: Any newsdump model.
        indent: Passed to `json.dumps`; ``None`` gives one line.

    Returns:
        The JSON text, non-ASCII characters kept as they are.
    """
    return json.dumps(to_dict(obj), ensure_ascii=False, indent=indent)


def from_dict(cls: type[T], data: Any) -> T:
    """
    Build a model from the plain data `to_dict` produced.

    Args:
        cls: The model class, such as `newsdump.Article`.
        data: A mapping of its fields.

    Returns:
        The model.

    Raises:
        ParseError: If *data* does not fit *cls*.
    """
    try:
        return typing.cast("T", _structure(data, cls))
    except (TypeError, ValueError, KeyError) as exc:
        if isinstance(exc, ParseError):
            raise
        msg = f"cannot build {cls.__name__} from data: {exc}"
        raise ParseError(msg) from exc


def from_json(text: str | bytes) -> Article:
    """
    Parse an `Article` from the JSON that `to_json` wrote.

    Raises:
        ParseError: If the text is not JSON or not an article.
    """
    try:
        data = json.loads(text)
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        msg = f"not JSON: {exc}"
        raise ParseError(msg) from exc
    return from_dict(Article, data)


def _structure(data: Any, tp: Any) -> Any:  # noqa: C901, PLR0911 - a branch per kind
    origin = typing.get_origin(tp)
    if tp is Any:
        return data
    if origin is Union or origin is types.UnionType:
        return _structure_union(data, tp)
    if origin is typing.Literal:
        if data not in typing.get_args(tp):
            msg = f"{data!r} is not one of {typing.get_args(tp)}"
            raise ValueError(msg)
        return data
    if origin is tuple:
        if not isinstance(data, list | tuple):
            msg = f"expected a list, got {type(data).__name__}"
            raise TypeError(msg)
        (item_type, _ellipsis) = typing.get_args(tp)
        return tuple(_structure(item, item_type) for item in data)
    if isinstance(tp, type) and attrs.has(tp):
        return _structure_attrs(data, tp)
    if tp is dt.datetime:
        if not isinstance(data, str):
            msg = f"expected an ISO 8601 string, got {type(data).__name__}"
            raise TypeError(msg)
        return dt.datetime.fromisoformat(data)
    if tp in (str, int, float, bool):
        if not isinstance(data, tp) or (tp is int and isinstance(data, bool)):
            msg = f"expected {tp.__name__}, got {type(data).__name__}"
            raise TypeError(msg)
        return data
    msg = f"unsupported type {tp!r}"  # pragma: no cover - models only use the above
    raise TypeError(msg)  # pragma: no cover


def _structure_union(data: Any, tp: Any) -> Any:
    args = typing.get_args(tp)
    if data is None and type(None) in args:
        return None
    errors: list[str] = []
    for arg in args:
        if arg is type(None):
            continue
        try:
            return _structure(data, arg)
        except (TypeError, ValueError, KeyError) as exc:
            errors.append(str(exc))
    msg = "; ".join(errors) or f"{data!r} does not fit {tp}"
    raise TypeError(msg)


def _structure_attrs(data: Any, cls: type[Any]) -> Any:
    if not isinstance(data, dict):
        msg = f"expected an object for {cls.__name__}, got {type(data).__name__}"
        raise TypeError(msg)
    hints = typing.get_type_hints(cls)
    kwargs = {}
    for field in attrs.fields(cls):
        if field.name in data:
            kwargs[field.name] = _structure(data[field.name], hints[field.name])
    return cls(**kwargs)
