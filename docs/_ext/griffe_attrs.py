"""
A griffe extension that gives attrs classes their ``__init__`` signature.

griffe reads source statically and knows dataclasses, not attrs.
Without this, the ``Args:`` of an attrs model's docstring name parameters
that griffe cannot find, and the API reference shows them without types.
This extension rebuilds the ``__init__`` that attrs would generate, from
the annotated class attributes and their ``attrs.field(...)`` arguments.
"""

from __future__ import annotations

from typing import Any

import griffe

__all__ = ["AttrsInitExtension"]

_DECORATORS = {
    "attr.attrs",
    "attr.define",
    "attr.frozen",
    "attr.mutable",
    "attr.s",
    "attrs.define",
    "attrs.frozen",
    "attrs.mutable",
}
_FIELDS = {"attr.ib", "attr.field", "attrs.field"}


def _attrs_decorator(cls: griffe.Class) -> griffe.Expr | None:
    for decorator in cls.decorators:
        value = decorator.value
        if isinstance(value, griffe.Expr) and value.canonical_path in _DECORATORS:
            return value
    return None


def _call_arguments(expr: object) -> dict[str, Any]:
    if not isinstance(expr, griffe.ExprCall):
        return {}
    found: dict[str, Any] = {}
    for argument in expr.arguments:
        if isinstance(argument, griffe.ExprKeyword):
            found[argument.name] = argument.value
    return found


def _parameter(member: griffe.Attribute, *, kw_only: bool) -> griffe.Parameter | None:
    if member.annotation is None or "property" in member.labels:
        return None
    value = member.value
    field_args: dict[str, Any] = {}
    if isinstance(value, griffe.ExprCall) and value.canonical_path in _FIELDS:
        field_args = _call_arguments(value)
        if str(field_args.get("init")) == "False":
            return None
        if "factory" in field_args:
            default: Any = griffe.ExprCall(function=field_args["factory"], arguments=[])
        else:
            default = field_args.get("default")
        kw_only = kw_only or str(field_args.get("kw_only")) == "True"
    else:
        default = value
    kind = (
        griffe.ParameterKind.keyword_only
        if kw_only
        else griffe.ParameterKind.positional_or_keyword
    )
    return griffe.Parameter(
        member.name.lstrip("_"),
        annotation=member.annotation,
        kind=kind,
        default=default,
        docstring=member.docstring,
    )


class AttrsInitExtension(griffe.Extension):
    """Add the generated ``__init__`` to every attrs class."""

    def on_class(self, *, cls: griffe.Class, **kwargs: Any) -> None:
        """Rebuild ``__init__`` for an attrs class that does not define one."""
        del kwargs
        decorator = _attrs_decorator(cls)
        if decorator is None or "__init__" in cls.members:
            return
        kw_only = str(_call_arguments(decorator).get("kw_only")) == "True"
        parameters = [
            parameter
            for member in cls.members.values()
            if isinstance(member, griffe.Attribute)
            and (parameter := _parameter(member, kw_only=kw_only)) is not None
        ]
        init = griffe.Function(
            "__init__",
            lineno=0,
            endlineno=0,
            parent=cls,
            parameters=griffe.Parameters(
                griffe.Parameter(
                    "self", kind=griffe.ParameterKind.positional_or_keyword
                ),
                *parameters,
            ),
            returns="None",
        )
        cls.set_member("__init__", init)
