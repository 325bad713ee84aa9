"""YAML as untrusted input: safe tags only, and aliases that cannot expand without bound.

PyYAML's ``safe_load`` refuses tags that run code, but a few kilobytes of anchors and aliases
(``&a [x, x]`` then ``&b [*a, *a]`` …) expand to billions of values when the document is built
into Python objects. Here the document is composed first (an alias is then one shared node),
its size counted as it would expand, and built only when that stays under the limit.

The document is read with libyaml's parser when PyYAML has it (several times faster: a build
reads every document's front matter); a document it refuses is read again with PyYAML's own,
whose messages the errors quote, so the messages never depend on libyaml.
"""

from __future__ import annotations

import yaml

from publish.errors import ContentError
from publish.limits import DEFAULT


def _expanded(node: yaml.Node, limit: int) -> int:
    """How many values ``node`` holds once every alias is expanded (over ``limit``: stops)."""
    sizes: dict[int, int] = {}
    busy: set[int] = set()

    def size(current: yaml.Node) -> int:
        key = id(current)
        if key in sizes:
            return sizes[key]
        if key in busy:  # an alias to a node that holds it: endless
            return limit + 1
        busy.add(key)
        total = 1
        children: list[yaml.Node] = []
        if isinstance(current, yaml.SequenceNode):
            children = list(current.value)
        elif isinstance(current, yaml.MappingNode):
            children = [part for pair in current.value for part in pair]
        for child in children:
            total += size(child)
            if total > limit:
                break
        busy.discard(key)
        sizes[key] = total
        return total

    return size(node)


class _Loader(yaml.SafeLoader):
    """Safe YAML, where a date that cannot be one (``2024-13-45``) stays text for the caller
    to report, instead of failing inside the loader."""

    def construct_yaml_timestamp(self, node: yaml.Node) -> object:  # type: ignore[override]
        try:
            return super().construct_yaml_timestamp(node)  # type: ignore[arg-type]
        except (ValueError, OverflowError):
            return self.construct_scalar(node)  # type: ignore[arg-type]


_Loader.add_constructor("tag:yaml.org,2002:timestamp", _Loader.construct_yaml_timestamp)
_Fast: type[_Loader] = _Loader
if yaml.__with_libyaml__:
    from yaml.cyaml import CParser  # type: ignore[attr-defined]

    class _CLoader(CParser, _Loader):
        """:class:`_Loader` with libyaml's parser."""

        def __init__(self, stream: str) -> None:
            CParser.__init__(self, stream)
            yaml.constructor.SafeConstructor.__init__(self)
            yaml.resolver.Resolver.__init__(self)

    _Fast = _CLoader


def load(text: str, shown: str, first_line: int = 1, limit: int = DEFAULT.yaml_nodes) -> object:
    """The YAML document in ``text`` (from ``shown``, starting at ``first_line``); a
    :class:`yaml.YAMLError` passes through for the caller to word."""
    loader = _Fast(text)
    try:
        try:
            return _build(loader, shown, first_line, limit)
        except yaml.YAMLError:
            if _Fast is _Loader:
                raise
            loader.dispose()
            loader = _Loader(text)  # (its messages, whatever libyaml said)
            return _build(loader, shown, first_line, limit)
    except RecursionError:
        raise ContentError(
            f"{shown}:{first_line}: its YAML is nested too deeply; write flat 'key: value' lines"
        ) from None
    finally:
        loader.dispose()


def _build(loader: _Loader, shown: str, first_line: int, limit: int) -> object:
    node = loader.get_single_node()
    if node is None:
        return None
    if _expanded(node, limit) > limit:
        raise ContentError(
            f"{shown}:{first_line}: its YAML expands to more than {limit:,} values through "
            "anchors and aliases (&name, *name) (limits.yaml_nodes in publish.toml); "
            "write the values out"
        )
    return loader.construct_document(node)
