"""Generates python/hospes/__init__.pyi from the schema and the error families the native module
publishes.

    python tools/gen_stubs.py          # write the stubs
    python tools/gen_stubs.py --check  # fail when the committed stubs differ (CI)

Every record becomes a TypedDict, every enum a Literal, every operation a typed function
carrying the Rust doc comment: the stubs cannot drift from the Rust types.
"""

from __future__ import annotations

import json
import keyword
import re
import sys
from pathlib import Path
from typing import Any, Dict, List

from gen_errors import class_name

ROOT = Path(__file__).resolve().parent.parent
STUB = ROOT / "python" / "hospes" / "__init__.pyi"

FORMATS = {"decimal": "Decimal", "date": "date", "date-time": "datetime"}


def doc_text(description: str, indent: str) -> str:
    """The prose of a Rust doc comment, without its code examples, as a docstring."""
    prose = re.sub(r"```.*?```", "", description or "", flags=re.S).strip()
    prose = re.sub(r"\n{3,}", "\n\n", prose).replace('"""', "'''").replace("\\", "\\\\")
    if not prose:
        return ""
    lines = prose.splitlines()
    body = "\n".join((indent + line) if line else "" for line in lines)
    return f'{indent}"""{body.lstrip()}\n{indent}"""\n' if len(lines) > 1 else f'{indent}"""{prose}"""\n'


#: The values hospes.Keyring, hospes.Pricer and hospes.Mailer hold (python/hospes/_held.py):
#: (class, docstring, the constructor's keyword, the operation argument it stands for,
#: properties as (name, operation whose result it is), methods as (name, operation)).
#: A method's parameters and result are those of its operation without the held argument, so
#: these stubs follow the Rust schema like the functions do.
HELD = (
    ("Keyring", "The host's link keys, parsed once, for issuing and verifying many links.",
     "config", "keyring", (("active_key_id", None),), (("issue", "link.issue"), ("verify", "link.verify"))),
    ("Pricer", "The establishment's price catalogue, parsed and checked once.",
     "catalogue", "catalogue", (), (("price", "pricing.price"), ("grid", "pricing.grid"), ("create_quote", "quote.create"))),
    ("Mailer", "A mail template, checked and compiled once, for rendering it to every guest.",
     "template", "template", (("summary", "mail.check"),), (("render", "mail.render"),)),
)


class Generator:
    def __init__(self, schema: Dict[str, Any], families: List[str]) -> None:
        #: The exception classes of hospes.errors, one per error family of the Rust table.
        self.error_classes = sorted(["HospesError"] + [class_name(family) for family in families])
        self.defs = schema["$defs"]
        self.operations = schema["operations"]
        self.out: List[str] = []
        self.done: set = set()

    def type_of(self, node: Dict[str, Any], owner: str = "") -> str:
        if "$ref" in node:
            name = node["$ref"].rsplit("/", 1)[-1]
            self.define(name)
            return name
        if "const" in node:
            return f"Literal[{node['const']!r}]"
        if "enum" in node:
            return "Literal[" + ", ".join(repr(v) for v in node["enum"]) + "]"
        variants = node.get("anyOf") or node.get("oneOf")
        if variants:
            parts = [self.type_of(v, owner) for v in variants if v.get("type") != "null"]
            if all(p.startswith("Literal[") for p in parts):
                parts = ["Literal[" + ", ".join(p[8:-1] for p in parts) + "]"]
            union = parts[0] if len(parts) == 1 else "Union[" + ", ".join(parts) + "]"
            nullable = any(v.get("type") == "null" for v in variants)
            return f"Optional[{union}]" if nullable else union
        kind = node.get("type")
        if isinstance(kind, list):
            nullable = "null" in kind
            inner = self.type_of({**node, "type": next(k for k in kind if k != "null")}, owner)
            return f"Optional[{inner}]" if nullable else inner
        if kind == "string":
            return FORMATS.get(node.get("format", ""), "str")
        if kind == "integer":
            return "int"
        if kind == "boolean":
            return "bool"
        if kind == "null":
            return "None"
        if kind == "array":
            return f"List[{self.type_of(node.get('items', {}), owner)}]"
        if kind == "object" and "properties" in node:
            return self.typed_dict(owner, node)
        return "Any"

    def typed_dict(self, name: str, node: Dict[str, Any]) -> str:
        required = set(node.get("required", []))
        fields = []
        for key, prop in node.get("properties", {}).items():
            annotation = self.type_of(prop, name + "".join(p.title() for p in key.split("_")))
            if key not in required:
                annotation = f"NotRequired[{annotation}]"
            fields.append((key, annotation, prop.get("description", "")))
        if any(keyword.iskeyword(key) or not key.isidentifier() for key, _, _ in fields):
            # A field named like a Python keyword (`from`) cannot be a class attribute: the
            # functional form declares the same TypedDict, its fields' docs as comments.
            lines = [f"{name} = TypedDict(\n    {name!r},\n    {{\n"]
            for key, annotation, description in fields:
                prose = re.sub(r"```.*?```", "", description, flags=re.S).strip()
                lines.extend(f"        # {line}".rstrip() + "\n" for line in prose.splitlines())
                lines.append(f"        {key!r}: {annotation},\n")
            lines.append("    },\n)\n" + doc_text(node.get("description", ""), ""))
            self.out.append("".join(lines) + "\n")
            return name
        lines = [f"class {name}(TypedDict):\n", doc_text(node.get("description", ""), "    ")]
        for key, annotation, description in fields:
            lines.append(f"    {key}: {annotation}\n")
            text = doc_text(description, "    ")
            if text:
                lines.append(text)
        if not fields:
            lines.append("    pass\n")
        self.out.append("".join(lines) + "\n")
        return name

    def define(self, name: str) -> None:
        if name in self.done:
            return
        self.done.add(name)
        node = self.defs[name]
        if name == "FileBytes":
            # A file's bytes: base64 text in the wire form, `bytes` in Python both ways.
            self.out.append("FileBytes = bytes\n" + doc_text(node.get("description", ""), "") + "\n")
            return
        variants = node.get("oneOf") or node.get("anyOf")
        if node.get("type") == "object" or "properties" in node:
            self.typed_dict(name, node)
        elif variants and all(v.get("type") == "object" for v in variants):
            names = []
            for variant in variants:
                tag = next(p["const"] for p in variant["properties"].values() if "const" in p)
                names.append(self.typed_dict(name + "".join(p.title() for p in tag.split("_")), variant))
            self.out.append(f"{name} = Union[{', '.join(names)}]\n")
            self.out.append(doc_text(node.get("description", ""), "") + "\n")
        else:
            self.out.append(f"{name} = {self.type_of(node, name)}\n")
            self.out.append(doc_text(node.get("description", ""), "") + "\n")

    def function(self, op: Dict[str, Any]) -> str:
        args = op["args"]
        required = set(args.get("required", []))
        props = list(args.get("properties", {}).items())
        last_required = max((i for i, (k, _) in enumerate(props) if k in required), default=-1)
        params = []
        for i, (key, prop) in enumerate(props):
            annotation = self.type_of(prop)
            default = " = None" if key not in required and i > last_required else ""
            params.append(f"{key}: {annotation}{default}")
        returns = self.type_of(op["returns"])
        signature = ", ".join(params)
        return f"def {op['function']}({signature}) -> {returns}:\n{doc_text(op['doc'], '    ')}    ...\n\n"

    def held_class(
        self, name: str, doc: str, parameter: str, held: str, properties: Any, methods: Any
    ) -> str:
        """The stub of a held value: its constructor takes the operation argument ``held`` under
        the name ``parameter``; its methods are their operations without that argument."""
        ops = {op["name"]: op for op in self.operations}
        held_type = self.type_of(ops[methods[0][1]]["args"]["properties"][held])
        lines = [f"class {name}:\n", f'    """{doc}"""\n\n', f"    def __init__(self, {parameter}: {held_type}) -> None: ...\n"]
        for prop, op in properties:
            returns = self.type_of(ops[op]["returns"]) if op else "str"
            lines.append(f"    @property\n    def {prop}(self) -> {returns}: ...\n")
        for method, op in methods:
            args = ops[op]["args"]
            params = ", ".join(
                ["self"] + [f"{key}: {self.held_parameter(op, key, prop)}" for key, prop in args["properties"].items() if key != held]
            )
            lines.append(f"    def {method}({params}) -> {self.type_of(ops[op]['returns'])}: ...\n")
        if name == "Mailer":
            context = self.type_of(ops["mail.render"]["args"]["properties"]["context"])
            lines.append(f"    def prepare(self, context: {context}) -> PreparedMailContext: ...\n")
        return "".join(lines) + "\n\n"

    def held_parameter(self, op: str, key: str, prop: Dict[str, Any]) -> str:
        """A held method's parameter: its operation's type; a mail's context may be prepared."""
        annotation = self.type_of(prop)
        if (op, key) == ("mail.render", "context"):
            return f"Union[{annotation}, PreparedMailContext]"
        return annotation

    def prepared_class(self) -> str:
        """The stub of ``hospes.PreparedMailContext``: a mail's context read once, for every Mailer."""
        context = self.type_of({"$ref": "#/$defs/MailContext"})
        return (
            "class PreparedMailContext:\n"
            '    """A mail\'s context, read and checked once, for every Mailer to render."""\n\n'
            f"    def __init__(self, context: {context}) -> None: ...\n\n\n"
        )

    def register_class(self) -> str:
        """The stub of ``hospes.Register``: built from a config and entries, changed in place by
        ``upsert`` and ``remove`` (held-only), its other methods the ``register.*`` operations
        without their ``register`` argument."""
        ops = {op["name"]: op for op in self.operations}
        rows = ops["register.rows"]["args"]["properties"]
        config, entries = self.type_of(rows["config"]), self.type_of(rows["entries"])
        lines = [
            "class Register:\n",
            '    """The client register held in memory, searched many times, kept current by the host."""\n\n',
            f"    def __init__(self, config: {config}, entries: Optional[{entries}] = None) -> None: ...\n",
            "    def __len__(self) -> int: ...\n",
            f"    def upsert(self, entries: {entries}) -> int: ...\n",
            "    def remove(self, client_ids: List[str]) -> int: ...\n",
        ]
        for method, op in (("search", "register.search"), ("row", "register.row"),
                           ("countries", "register.countries"), ("labels", "register.labels"),
                           ("export", "register.export")):
            args = ops[op]["args"]["properties"]
            params = ", ".join(["self"] + [f"{key}: {self.type_of(prop)}" for key, prop in args.items() if key != "register"])
            returns = "bytes" if op in ("register.labels", "register.export") else self.type_of(ops[op]["returns"])
            lines.append(f"    def {method}({params}) -> {returns}: ...\n")
            if op == "register.export":
                lines.append(f"    def export_to({params}, target: Any) -> int: ...\n")
        return "".join(lines) + "\n\n"

    def render(self) -> str:
        functions = [self.function(op) for op in self.operations]
        header = (
            "# Generated by tools/gen_stubs.py from the Rust schema. Do not edit.\n"
            "from datetime import date, datetime\n"
            "from decimal import Decimal\n"
            "from typing import Any, Callable, Dict, List, Literal, Mapping, Optional, Union, overload\n\n"
            "from typing_extensions import NotRequired, TypedDict\n\n"
            "from .errors import (\n"
            + "".join(f"    {name} as {name},\n" for name in self.error_classes)
            + ")\n\n"
            + "__version__: str\n"
            "OPERATIONS: Dict[str, Callable[..., Any]]\n\n"
            "def to_wire(value: Any, path: str = ...) -> Any:\n"
            '    """Python values to the canonical wire form (decimals and dates as strings)."""\n'
            "    ...\n\n"
        )
        held = "".join(self.held_class(*spec) for spec in HELD) + self.prepared_class() + self.register_class()
        return header + "".join(self.out) + "\n" + held + "".join(functions) + self.from_wire().rstrip() + "\n"

    def from_wire(self) -> str:
        """`hospes.from_wire(type_name, value)`, one overload per record type the stubs declare:
        a record read back from the host's database is typed as what hospes returns."""
        records = sorted(n for n in self.done if n in self.defs and (
            self.defs[n].get("type") == "object" or "properties" in self.defs[n]
            or self.defs[n].get("oneOf") or self.defs[n].get("anyOf")))
        lines = [f"@overload\ndef from_wire(type_name: Literal[{n!r}], value: Mapping[str, Any]) -> {n}: ...\n"
                 for n in records]
        return "".join(lines)


def main() -> int:
    sys.path.insert(0, str(ROOT / "python"))
    from hospes import _native

    families = [name for name, _ in _native.error_families()]
    text = Generator(json.loads(_native.schema()), families).render()
    if "--check" in sys.argv:
        current = STUB.read_text(encoding="utf-8") if STUB.exists() else ""
        if current != text:
            print(f"{STUB} is out of date: run `python tools/gen_stubs.py`", file=sys.stderr)
            return 1
        print("stubs up to date")
        return 0
    STUB.write_text(text, encoding="utf-8")
    print(f"wrote {STUB}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
