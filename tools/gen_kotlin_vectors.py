#!/usr/bin/env python3
"""Writes the Kotlin dispatch of the shared conformance vectors from the table of operations, so
every operation of ``core/src/wire.rs`` is run through its typed Kotlin function without a
hand-written ``when``.

For each operation of the schema the native module publishes (``hospes._native.schema()``), the
generated ``runOperation(op, input)`` reads the arguments from the vector's JSON input (records
with the JSON codecs of ``bindings-mobile/src/lib.rs``, decimals as ``BigDecimal``, dates as
``LocalDate``, instants as ``Instant``, enums by name, lists and optionals), calls the typed
function (the camelCase of the operation's Rust function) and writes the result back as canonical
JSON text; ``runDocument(op, input)`` gives the bytes of the operations that return a document.

The Kotlin bindings (``bindings-mobile/kotlin/generated``, checked against the built library by
``make kotlin-test``) are read to confirm each function, its parameters, the enums' constants and
the record codecs exist. An operation without its Kotlin function, or needing a codec that is not
exported, is generated as a branch that fails with the reason, and listed on stderr.

Needs the built Python package (``make build``):

    PYTHONPATH=bindings-python/python python3 tools/gen_kotlin_vectors.py          # rewrite
    PYTHONPATH=bindings-python/python python3 tools/gen_kotlin_vectors.py --check  # fail if stale
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path
from typing import Any, Dict, List, Optional, Set, Tuple

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "bindings-mobile/kotlin/src/test/kotlin/dev/hospes/VectorDispatch.kt"
BINDINGS = ROOT / "bindings-mobile/kotlin/generated/dev/hospes/hospes_mobile.kt"
MODEL = ROOT / "bindings-mobile/kotlin/generated/dev/hospes/model/hospes.kt"
MODEL_PACKAGE = "dev.hospes.model"

#: String formats whose Kotlin type is a plain String (uniffi custom types over String).
STRING_FORMATS = {"country", "currency", "time-zone", "partial-date-time", "partial-time"}

#: Integer formats: (how to read one from a JSONObject/JSONArray getter, the conversion after).
INTEGERS = {
    "uint8": ("getInt", ".toUByte()"),
    "uint16": ("getInt", ".toUShort()"),
    "uint32": ("getInt", ".toUInt()"),
    "uint64": ("getLong", ".toULong()"),
    "int8": ("getInt", ".toByte()"),
    "int16": ("getInt", ".toShort()"),
    "int32": ("getInt", ""),
    "int64": ("getLong", ""),
}

KOTLIN_KEYWORDS = {
    "as", "break", "class", "continue", "do", "else", "false", "for", "fun", "if", "in",
    "interface", "is", "null", "object", "package", "return", "super", "this", "throw", "true",
    "try", "typealias", "typeof", "val", "var", "when", "while",
}


class Unsupported(Exception):
    """An operation the generator cannot dispatch in Kotlin; the message says why."""


def camel(name: str) -> str:
    return re.sub(r"_([a-z0-9])", lambda m: m.group(1).upper(), name)


def lower_first(name: str) -> str:
    return name[:1].lower() + name[1:]


def ident(name: str) -> str:
    return f"`{name}`" if name in KOTLIN_KEYWORDS else name


def kotlin_functions(text: str) -> Dict[str, List[Tuple[str, str]]]:
    """The top-level functions of the Kotlin bindings: name -> [(parameter, Kotlin type)].

    Interface methods (no body) and their implementations (``override``) are left out."""
    functions = {}
    pattern = re.compile(
        r"(?m)^    (?:@Throws\([\w:]+\) )?fun `(\w+)`\((.*)\)(?:: [^\n{=]+?)?(?: \{| *\n\s*=)"
    )
    for m in pattern.finditer(text):
        params = re.findall(r"`(\w+)`: ((?:[^,<]|<[^>]*>)+)", m.group(2))
        functions[m.group(1)] = [(name, kind.strip()) for name, kind in params]
    return functions


def kotlin_enums(text: str) -> Dict[str, Set[str]]:
    """The enum classes of the Kotlin model: name -> its constants."""
    enums = {}
    for m in re.finditer(r"(?ms)^enum class (\w+) \{(.*?)^\}", text):
        body = m.group(2).split(";", 1)[0]
        body = re.sub(r"/\*.*?\*/", "", body, flags=re.S)
        enums[m.group(1)] = set(re.findall(r"\b([A-Z][A-Z0-9_]*)\b", body))
    return enums


class Generator:
    def __init__(self, schema: Dict[str, Any], functions: Dict[str, Any], enums: Dict[str, Set[str]]) -> None:
        self.defs: Dict[str, Any] = schema["$defs"]
        self.operations: List[Dict[str, Any]] = schema["operations"]
        self.functions = functions
        self.enums = enums
        #: Records an operation needs whose codec the bindings do not export: name -> operations.
        self.missing_codecs: Dict[str, List[str]] = {}
        #: Operations skipped, with the reason.
        self.skipped: List[Tuple[str, str]] = []
        self._op = ""
        self._lacking: List[str] = []

    # -- the schema ------------------------------------------------------------------------------

    @staticmethod
    def nullable(node: Dict[str, Any]) -> Optional[Dict[str, Any]]:
        """The inner schema of an optional value (``anyOf [X, null]`` or ``type [x, null]``)."""
        variants = node.get("anyOf") or node.get("oneOf")
        if variants and any(v.get("type") == "null" for v in variants):
            rest = [v for v in variants if v.get("type") != "null"]
            if len(rest) != 1:
                raise Unsupported(f"a union of {len(rest)} types: {json.dumps(node)[:120]}")
            return rest[0]
        kind = node.get("type")
        if isinstance(kind, list) and "null" in kind:
            rest = [k for k in kind if k != "null"]
            if len(rest) != 1:
                raise Unsupported(f"a value of types {kind}")
            return {**node, "type": rest[0]}
        return None

    def ref(self, node: Dict[str, Any]) -> Optional[str]:
        return node["$ref"].rsplit("/", 1)[-1] if "$ref" in node else None

    def enum_values(self, name: str) -> Optional[List[str]]:
        """The wire names of a string enum of ``$defs``, or None for any other type."""
        node = self.defs[name]
        if "enum" in node and all(isinstance(v, str) for v in node["enum"]):
            return list(node["enum"])
        variants = node.get("oneOf") or node.get("anyOf")
        if variants and all(v.get("type") == "string" and "const" in v for v in variants):
            return [v["const"] for v in variants]
        return None

    def is_bytes(self, node: Dict[str, Any]) -> bool:
        name = self.ref(node)
        if name:
            node = self.defs[name]
        return node.get("type") == "string" and node.get("format") == "byte"

    def enum_class(self, name: str) -> str:
        values = self.enum_values(name) or []
        constants = self.enums.get(name)
        if constants is None:
            raise Unsupported(f"no Kotlin enum class {name} in {MODEL.relative_to(ROOT)}")
        strays = [v for v in values if v.upper() not in constants]
        if strays:
            raise Unsupported(f"the Kotlin enum {name} has no constant for {strays}")
        return f"{MODEL_PACKAGE}.{name}"

    def codec(self, name: str, direction: str) -> str:
        function = f"{lower_first(name)}{direction}Json"
        if function not in self.functions:
            self.missing_codecs.setdefault(name, [])
            if self._op not in self.missing_codecs[name]:
                self.missing_codecs[name].append(self._op)
            # Carry on, to list every codec the operation lacks; branch() refuses it after.
            self._lacking.append(function)
        return function

    # -- reading arguments -----------------------------------------------------------------------

    def read(self, node: Dict[str, Any], on: str, key: str) -> str:
        """A Kotlin expression reading ``node`` at ``key`` of the JSONObject or JSONArray ``on``
        (``""``: the receiver of the enclosing lambda)."""
        at = f"{on}." if on else ""
        inner = self.nullable(node)
        if inner is not None:
            return f"{at}orNull({key}) {{ {self.read(inner, '', 'it')} }}"
        name = self.ref(node)
        if name:
            if self.enum_values(name) is not None:
                return f"{self.enum_class(name)}.valueOf({at}getString({key}).uppercase())"
            if self.is_bytes(node):
                return f"Base64.getDecoder().decode({at}getString({key}))"
            return f"{self.codec(name, 'From')}({at}json({key}))"
        kind, fmt = node.get("type"), node.get("format")
        if kind == "string":
            if fmt == "decimal":
                return f"BigDecimal({at}getString({key}))"
            if fmt == "date":
                return f"LocalDate.parse({at}getString({key}))"
            if fmt == "date-time":
                return f"Instant.parse({at}getString({key}))"
            if fmt is None or fmt in STRING_FORMATS:
                return f"{at}getString({key})"
            raise Unsupported(f"an argument of string format {fmt!r}")
        if kind == "integer":
            if fmt not in INTEGERS:
                raise Unsupported(f"an argument of integer format {fmt!r}")
            getter, convert = INTEGERS[fmt]
            return f"{at}{getter}({key}){convert}"
        if kind == "boolean":
            return f"{at}getBoolean({key})"
        if kind == "number":
            return f"{at}getDouble({key})"
        if kind == "array":
            return f"{at}list({key}) {{ {self.read(node.get('items', {}), '', 'it')} }}"
        raise Unsupported(f"an argument of schema {json.dumps(node)[:120]}")

    # -- writing results -------------------------------------------------------------------------

    def write(self, node: Dict[str, Any], value: str) -> str:
        """A Kotlin expression writing ``value`` (of the Kotlin type of ``node``) as JSON text."""
        inner = self.nullable(node)
        if inner is not None:
            return f'{value}?.let {{ {self.write(inner, "it")} }} ?: "null"'
        name = self.ref(node)
        if name:
            if self.enum_values(name) is not None:
                self.enum_class(name)
                return f"JSONObject.quote({value}.name.lowercase())"
            if self.is_bytes(node):
                return f"JSONObject.quote(Base64.getEncoder().encodeToString({value}))"
            return f"{self.codec(name, 'To')}({value})"
        kind, fmt = node.get("type"), node.get("format")
        if kind == "null":
            return f'{value}.let {{ "null" }}'
        if kind == "string":
            if fmt == "decimal":
                return f"JSONObject.quote({value}.toPlainString())"
            if fmt in ("date", "date-time"):
                return f"JSONObject.quote({value}.toString())"
            if fmt == "partial-date-time":
                return f"JSONObject.quote(wallClock({value}))"
            if fmt == "partial-time":
                return f"JSONObject.quote(timeOfDay({value}))"
            if fmt is None or fmt in STRING_FORMATS:
                return f"JSONObject.quote({value})"
            raise Unsupported(f"a result of string format {fmt!r}")
        if kind in ("integer", "boolean", "number"):
            return f"{value}.toString()"
        if kind == "array":
            return f"jsonList({value}) {{ {self.write(node.get('items', {}), 'it')} }}"
        raise Unsupported(f"a result of schema {json.dumps(node)[:120]}")

    # -- operations ------------------------------------------------------------------------------

    def call(self, op: Dict[str, Any]) -> str:
        """The typed call of an operation, its arguments read from ``input``, one per line."""
        function = camel(op["function"])
        params = self.functions.get(function)
        if params is None:
            raise Unsupported(f"no Kotlin function {function} (bindings-mobile/src/lib.rs exports no {op['function']})")
        args = op["args"]
        props: Dict[str, Any] = args.get("properties", {})
        required = set(args.get("required", []))
        expected = [camel(key) for key in props]
        if [name for name, _ in params] != expected:
            raise Unsupported(f"{function} takes ({', '.join(n for n, _ in params)}), the table ({', '.join(expected)})")
        lines = []
        for (key, node), (param, kind) in zip(props.items(), params):
            optional = key not in required or self.nullable(node) is not None
            if optional != kind.endswith("?"):
                raise Unsupported(f"{function}: `{param}` is {kind} in Kotlin, {'optional' if optional else 'required'} in the table")
            if key not in required and self.nullable(node) is None:
                node = {"anyOf": [node, {"type": "null"}]}
            lines.append(f"{ident(param)} = {self.read(node, 'input', json.dumps(key))},")
        if not lines:
            return f"{function}()"
        body = "".join(f"                {line}\n" for line in lines)
        return f"{function}(\n{body}            )"

    def branch(self, op: Dict[str, Any], document: bool) -> str:
        """The ``when`` branch of an operation in runOperation (document=False) or runDocument."""
        self._op = op["name"]
        self._lacking = []
        name = json.dumps(op["name"])
        returns = op["returns"]
        try:
            if self.is_bytes(returns) and not document:
                return f"            {name} -> JSONObject.quote(Base64.getEncoder().encodeToString(runDocument(op, input)))\n"
            call = self.call(op)
            text = call if document else self.write(returns, call)
            if self._lacking:
                raise Unsupported(f"no JSON codec {', '.join(self._lacking)} in the bindings")
            return f"            {name} -> {text}\n"
        except Unsupported as why:
            reason = str(why)
            if (op["name"], reason) not in self.skipped:
                self.skipped.append((op["name"], reason))
            message = json.dumps(f"{op['name']} is not run in Kotlin: {reason}").replace("$", "\\$")
            return (
                f"            // Skipped by tools/gen_kotlin_vectors.py: {reason}.\n"
                f"            {name} -> throw AssertionError({message})\n"
            )

    def render(self) -> str:
        operations = "".join(self.branch(op, False) for op in self.operations)
        documents = "".join(self.branch(op, True) for op in self.operations if self.is_bytes(op["returns"]))
        count = len(self.operations)
        return f"""// Generated by tools/gen_kotlin_vectors.py from the table of operations (core/src/wire.rs, as
// published by hospes.wire::schema()): do not edit. `make kotlin-test` fails when it is stale;
// regenerate with `make build && PYTHONPATH=bindings-python/python python3 tools/gen_kotlin_vectors.py`.
package dev.hospes

import org.json.JSONArray
import org.json.JSONObject
import org.json.JSONTokener
import java.math.BigDecimal
import java.time.Instant
import java.time.LocalDate
import java.time.LocalDateTime
import java.time.LocalTime
import java.time.format.DateTimeFormatter
import java.util.Base64

/**
 * The {count} operations of the table, each run through its typed Kotlin function: the arguments are
 * read from a vector's JSON input (records with the JSON codecs, decimals as BigDecimal, dates as
 * LocalDate, instants as Instant, enums by name), and the result is written back as JSON text.
 */
internal object VectorDispatch {{
    /** Runs [op] on [input]; its result as canonical JSON text (a document as base64). */
    fun runOperation(op: String, input: JSONObject): String =
        when (op) {{
{operations}            else -> throw AssertionError("no Kotlin runner for operation $op")
        }}

    /** Runs [op], one of the operations that return a document, on [input]: the document's bytes. */
    fun runDocument(op: String, input: JSONObject): ByteArray =
        when (op) {{
{documents}            else -> throw AssertionError("$op returns no document")
        }}

    private fun JSONObject.json(key: String): String = get(key).toString()

    private fun JSONArray.json(index: Int): String = get(index).toString()

    private fun <T> JSONObject.list(key: String, read: JSONArray.(Int) -> T): List<T> =
        getJSONArray(key).let {{ items -> List(items.length()) {{ items.read(it) }} }}

    private fun <T> JSONArray.list(index: Int, read: JSONArray.(Int) -> T): List<T> =
        getJSONArray(index).let {{ items -> List(items.length()) {{ items.read(it) }} }}

    /** An optional argument: absent or null is null. */
    private fun <T> JSONObject.orNull(key: String, read: JSONObject.(String) -> T): T? = if (isNull(key)) null else read(key)

    private fun <T> JSONArray.orNull(index: Int, read: JSONArray.(Int) -> T): T? = if (isNull(index)) null else read(index)

    private fun <T> jsonList(values: List<T>, write: (T) -> String): String =
        JSONArray(values.map {{ JSONTokener(write(it)).nextValue() }}).toString()

    /** A wall-clock date-time (`2026-06-05T14:00` in Kotlin) in its wire form, `2026-06-05T14:00:00`. */
    private fun wallClock(value: String): String = LocalDateTime.parse(value).format(DateTimeFormatter.ISO_LOCAL_DATE_TIME)

    /** A time of day (`14:00` in Kotlin) in its wire form, `14:00:00`. */
    private fun timeOfDay(value: String): String = LocalTime.parse(value).format(DateTimeFormatter.ISO_LOCAL_TIME)
}}
"""


def generate() -> Tuple[str, Generator]:
    from hospes import _native

    schema = json.loads(_native.schema())
    functions = kotlin_functions(BINDINGS.read_text(encoding="utf-8"))
    enums = kotlin_enums(MODEL.read_text(encoding="utf-8"))
    generator = Generator(schema, functions, enums)
    return generator.render(), generator


def main() -> int:
    text, generator = generate()
    for op, reason in generator.skipped:
        print(f"gen_kotlin_vectors: {op} skipped: {reason}", file=sys.stderr)
    for name, ops in sorted(generator.missing_codecs.items()):
        snake = re.sub(r"(?<!^)(?=[A-Z])", "_", name).lower()
        print(
            f"gen_kotlin_vectors: missing in bindings-mobile/src/lib.rs (for {', '.join(ops)}): "
            f"json_codec!({name}, {snake}_from_json, {snake}_to_json);",
            file=sys.stderr,
        )
    if "--check" in sys.argv[1:]:
        current = OUT.read_text(encoding="utf-8") if OUT.exists() else ""
        if current != text:
            print(
                f"{OUT.relative_to(ROOT)} is stale: run "
                "PYTHONPATH=bindings-python/python python3 tools/gen_kotlin_vectors.py",
                file=sys.stderr,
            )
            return 1
        return 0
    OUT.write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
