#!/usr/bin/env python3
"""Writes the JSON fixtures under tests/data/spec/ from the OpenAPI extracts in shared/sailpoint-spec/.

Run by hand when the spec extracts change (needs python3-yaml); the tests never run it, they read the
committed JSON. Prints, per fixture, the spec lines it came from (tests/data/README.md lists them).

    python3 tests/data/spec/make_fixtures.py /work/shared/sailpoint-spec > /tmp/sources.md
"""
import copy
import json
import pathlib
import sys

import yaml


class Loader(yaml.SafeLoader):
    """Keeps dates as the text the spec wrote: an unquoted 2024-05-17 19:33:16.470000+00:00 stays a string."""


Loader.add_constructor("tag:yaml.org,2002:timestamp", lambda loader, node: loader.construct_scalar(node))

OUT = pathlib.Path(__file__).resolve().parent
VERSIONS = {
    "beta": "beta.task-status.openapi.yaml",
    "v2024": "v2024.task-status.openapi.yaml",
    "v2025": "v2025.task-status.openapi.yaml",
    "v2026": "v2026.task-status.openapi.yaml",
    "v1": "v1.task-management.openapi.yaml",
}
EXPERIMENTAL = {
    "v2025": "experimental-era/v2025.task-status.paths.d73a242a.yaml",
    "v2026": "experimental-era/v2026.task-status.paths.3ba5e649.yaml",
}


def _construct(node):
    loader = Loader("")
    return loader.construct_object(node, deep=True)


def child(node, key):
    """The value node under `key` of a mapping node, or None."""
    if not isinstance(node, yaml.MappingNode):
        return None
    for k, v in node.value:
        if k.value == key:
            return v
    return None


def path(node, *keys):
    for key in keys:
        node = child(node, key)
        if node is None:
            return None
    return node


def lines(node):
    return node.start_mark.line + 1, node.end_mark.line  # end_mark points past the block


class Spec:
    def __init__(self, root, name):
        self.root = root
        self.name = name
        self.used = []  # (what, first line, last line)

    def note(self, what, node):
        first, last = lines(node)
        entry = (what, first, max(first, last))
        if entry not in self.used:
            self.used.append(entry)

    def resolve(self, node, label):
        ref = child(node, "$ref")
        if ref is None:
            return node, label
        parts = ref.value.lstrip("#/").split("/")
        target = path(self.root, *parts)
        return self.resolve(target, parts[-1])

    def schema(self, name):
        schemas = path(self.root, "components", "schemas")
        for k, v in schemas.value:
            if k.value.lower() == name.lower():
                return v, k.value
        raise KeyError(name)

    def assemble(self, node, label, where):
        """One value built from the `example:` of every property of a schema."""
        node, label = self.resolve(node, label)
        props = child(node, "properties")
        example = child(node, "example")
        kind = child(node, "type")
        if props is not None:
            self.note(f"schema `{label}` (property examples)", node)
            result = {}
            for k, v in props.value:
                built = self.assemble(v, label, f"{where}.{k.value}")
                if built is not _MISSING:
                    result[k.value] = built
            return result
        if example is not None:
            return _construct(example)
        if kind is not None and kind.value == "array":
            item = self.assemble(child(node, "items"), label, where + "[]")
            return _MISSING if item is _MISSING else [item]
        return _MISSING

    def nullable(self, node):
        node, _ = self.resolve(node, "")
        flag = child(node, "nullable")
        return flag is not None and flag.value == "true"

    def nulled(self, node, example, keep_objects):
        """`example` with every nullable property set to null. keep_objects: nullable objects are kept
        (so their own nullable members can be nulled); otherwise they become null as a whole."""
        node, _ = self.resolve(node, "")
        props = child(node, "properties")
        if props is None or not isinstance(example, dict):
            return example
        result = {}
        for k, v in props.value:
            if k.value not in example:
                continue
            sub, _ = self.resolve(v, "")
            is_object = child(sub, "properties") is not None
            is_array = child(sub, "type") is not None and child(sub, "type").value == "array"
            if self.nullable(v) and not (keep_objects and is_object):
                result[k.value] = None
            elif is_object:
                result[k.value] = self.nulled(sub, example[k.value], keep_objects)
            elif is_array and child(sub, "items") is not None:
                result[k.value] = [self.nulled(child(sub, "items"), item, keep_objects) for item in example[k.value]]
            else:
                result[k.value] = example[k.value]
        return result


_MISSING = object()


def write(rel, data, sources, spec_file):
    target = OUT / rel
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(json.dumps(data, indent=2, ensure_ascii=False) + "\n")
    where = "; ".join(f"{what} lines {a}–{b}" if a != b else f"{what} line {a}" for what, a, b in sources)
    print(f"| `spec/{rel}` | `{spec_file}` | {where} |")


def patch_ops(spec_root):
    """The PATCH /task-status/{id} request example: a list of JSON-patch operations, and its node."""
    for key, item in path(spec_root, "paths").value:
        if "{id}" in key.value:
            body = path(item, "patch", "requestBody", "content", "application/json-patch+json", "schema", "example")
            if body is not None:
                return _construct(body), body
    return None, None


def apply_patch(obj, ops):
    obj = copy.deepcopy(obj)
    for op in ops:
        assert op["op"] == "replace"
        obj[op["path"].lstrip("/")] = op["value"]
    return obj


def error_fixtures(spec, version, spec_file):
    responses = path(spec.root, "components", "responses")
    for status_node, response in responses.value:
        status = status_node.value
        media = path(response, "content", "application/json")
        if media is None:
            continue
        examples = child(media, "examples")
        if examples is not None:
            for name, example in examples.value:
                val = child(example, "value")
                spec.used = []
                spec.note(f"`components.responses.{status}.content.application/json.examples.{name.value}.value`", val)
                write(f"{version}/error-{status}.json", _construct(val), spec.used, spec_file)
            continue
        spec.used = []
        schema = child(media, "schema")
        body = spec.assemble(schema, f"responses.{status}", "")
        if child(schema, "$ref") is None:
            spec.used = []
            spec.note(f"`components.responses.{status}` inline schema (property example)", schema)
        # ErrorResponseDto has no whole example for 400: assemble it, with causes like messages.
        write(f"{version}/error-{status}.json", body, spec.used, spec_file)


def main(spec_dir):
    spec_dir = pathlib.Path(spec_dir)
    print("| fixture | spec file | where |")
    print("|---|---|---|")
    for version, file_name in VERSIONS.items():
        root = yaml.compose(open(spec_dir / file_name), Loader=Loader)
        spec = Spec(root, file_name)
        node, label = spec.schema("TaskStatus")
        example = spec.assemble(node, label, "")
        used = list(spec.used)
        write(f"{version}/taskstatus.json", example, used, file_name)

        nulls = spec.nulled(node, example, keep_objects=False)
        write(f"{version}/taskstatus-nulls.json", nulls, used, file_name)
        nested = spec.nulled(node, example, keep_objects=True)
        write(f"{version}/taskstatus-nested-nulls.json", nested, used, file_name)

        ops, ops_node = patch_ops(root)
        spec.used = []
        spec.note("PATCH `/task-status/{id}` request example", ops_node)
        write(f"{version}/taskstatus-patched.json", apply_patch(example, ops), used + spec.used, file_name)

        list_paths = []
        for key, item in path(root, "paths").value:
            schema = path(item, "get", "responses", "200", "content", "application/json", "schema")
            if schema is not None and child(schema, "type") is not None and child(schema, "type").value == "array":
                spec.used = []
                spec.note(f"GET `{key.value}` 200 array schema", schema)
                list_paths += spec.used
        write(f"{version}/taskstatus-list.json", [example, nulls, nested], used + list_paths, file_name)

        error_fixtures(spec, version, file_name)

    for version, file_name in EXPERIMENTAL.items():
        docs = list(yaml.compose_all(open(spec_dir / file_name), Loader=Loader))
        base = json.loads((OUT / version / "taskstatus.json").read_text())
        for doc in docs:
            body = path(doc, "patch", "requestBody", "content", "application/json-patch+json", "schema", "example")
            if body is None:
                continue
            spec = Spec(doc, file_name)
            spec.note("PATCH request example (unquoted YAML date kept as text)", body)
            write(f"experimental-era/{version}/taskstatus-patched.json", apply_patch(base, _construct(body)),
                  spec.used, file_name)

    root = yaml.compose(open(spec_dir / "oauth.openapi.yaml"), Loader=Loader)
    error_fixtures(Spec(root, "oauth.openapi.yaml"), "oauth", "oauth.openapi.yaml")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "/work/shared/sailpoint-spec")
