"""The package keeps the promises its stubs make.

The shipped stubs (``hospes/__init__.pyi``) are what mypy, pyright and an editor show a host. Here
they are read with ``ast``, and every function, constructor and method they declare is called
with keywords exactly as declared: the call is accepted as a call, and answers a value or a coded
``hospes.HospesError``, never a ``TypeError`` or anything else. Each runtime signature is compared
with its declaration, name by name and in order.
"""

from __future__ import annotations

import ast
import inspect
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable, Dict, Optional, Tuple

import pytest

import hospes
from hospes.errors import FAMILIES

STUB = Path(hospes.__file__).with_name("__init__.pyi")
CATALOGUE = json.loads((Path(__file__).resolve().parents[2] / "core/tests/data/catalogue.json").read_text(encoding="utf-8"))
MAIL_CONTEXT = json.loads((Path(__file__).resolve().parents[2] / "core/tests/data/mail.json").read_text(encoding="utf-8"))["context"]

#: Valid arguments for the constructor of every class the stubs declare, by class name.
VALID: Dict[str, Callable[[], Dict[str, Any]]] = {
    "Keyring": lambda: {"config": {"active_key": hospes.generate_link_key()}},
    "Pricer": lambda: {"catalogue": CATALOGUE},
    "Mailer": lambda: {"template": {"name": "t", "versions": [
        {"locale": "fr", "subject": "Séjour [REF_SEJOUR]", "html": "<p>[PRENOM]</p>"}]}},
    "PreparedMailContext": lambda: {"context": MAIL_CONTEXT},
    "Register": lambda: {"config": {"currency": "EUR", "time_zone": "Europe/Paris"},
                         "entries": [{"client": {"id": "C-1", "last_name": "Dupont", "created_at": "2026-01-15T09:30:00Z"}}]},
}

#: What a host may hand any argument by mistake: each is given to every parameter at once.
HOSTILE = {"none": None, "zero": 0, "empty text": "", "empty list": [], "empty record": {}}


@dataclass(frozen=True)
class Declared:
    """One callable of the stubs: a module function, a class's constructor or one of its methods."""

    owner: Optional[str]
    name: str
    params: Tuple[str, ...]
    defaulted: Tuple[str, ...]

    def __str__(self) -> str:
        if self.owner is None:
            return self.name
        return self.owner if self.name == "__init__" else f"{self.owner}.{self.name}"


def _declared(function: ast.FunctionDef, owner: Optional[str]) -> Declared:
    args = function.args
    assert not (args.vararg or args.kwarg or args.kwonlyargs or args.posonlyargs), f"{function.name}: only plain parameters"
    names = tuple(a.arg for a in args.args if a.arg != "self")
    defaulted = names[len(names) - len(args.defaults):] if args.defaults else ()
    return Declared(owner, function.name, names, defaulted)


def _is_property(function: ast.FunctionDef) -> bool:
    return any(isinstance(d, ast.Name) and d.id == "property" for d in function.decorator_list)


def _read_stubs() -> Tuple[list, list, Dict[str, list]]:
    """(module functions, classes, properties per class) as the stubs declare them; records
    (TypedDict) are types, not classes a host constructs."""
    functions, classes, properties = [], [], {}
    for node in ast.parse(STUB.read_text(encoding="utf-8")).body:
        if isinstance(node, ast.FunctionDef):
            functions.append(_declared(node, None))
        elif isinstance(node, ast.ClassDef) and not any(getattr(b, "id", "") == "TypedDict" for b in node.bases):
            properties[node.name] = []
            for item in node.body:
                if isinstance(item, ast.FunctionDef) and _is_property(item):
                    properties[node.name].append(item.name)
                elif isinstance(item, ast.FunctionDef):
                    classes.append(_declared(item, node.name))
    return functions, classes, properties


FUNCTIONS, CLASS_MEMBERS, PROPERTIES = _read_stubs()
CONSTRUCTORS = [d for d in CLASS_MEMBERS if d.name == "__init__"]
METHODS = [d for d in CLASS_MEMBERS if d.name != "__init__"]


def runtime(declared: Declared) -> Callable[..., Any]:
    """The object a host calls for ``declared``: the function, the class, or the method."""
    if declared.owner is None:
        return getattr(hospes, declared.name)
    cls = getattr(hospes, declared.owner)
    return cls if declared.name == "__init__" else getattr(cls, declared.name)


def held(owner: str) -> Any:
    """An instance of a held class, built with its declared keywords and valid values."""
    (constructor,) = [d for d in CONSTRUCTORS if d.owner == owner]
    valid = VALID[owner]()
    assert set(valid) == set(constructor.params), owner
    return getattr(hospes, owner)(**valid)


def answer(call: Callable[..., Any], kwargs: Dict[str, Any], what: str) -> Any:
    """Calls ``call(**kwargs)``: a result, or the coded HospesError it raised. Anything else —
    a TypeError about the arguments above all — fails the test, saying which call did it."""
    try:
        return call(**kwargs)
    except hospes.HospesError as err:
        family = err.code.split(".", 1)[0]
        assert type(err) is FAMILIES.get(family), f"{what} raised {type(err).__name__} for code {err.code!r}"
        assert family != "internal", f"{what} hit a bug in hospes: {err.code}: {err}"
        return err
    except Exception as err:  # noqa: BLE001 - the point is to name whatever escapes
        pytest.fail(f"{what} raised {type(err).__name__}: {err}")


def test_the_stubs_declare_every_function_and_class_the_package_exports():
    def is_error(value: Any) -> bool:
        return inspect.isclass(value) and issubclass(value, BaseException)

    exported = {name for name in hospes.__all__ if callable(getattr(hospes, name)) and not is_error(getattr(hospes, name))}
    declared = {d.name for d in FUNCTIONS} | {d.owner for d in CONSTRUCTORS}
    assert exported == declared
    assert len(FUNCTIONS) > len(hospes.OPERATIONS), "every operation, and to_wire"


@pytest.mark.parametrize("declared", FUNCTIONS + CLASS_MEMBERS, ids=str)
def test_each_runtime_signature_has_the_stubs_parameters_in_the_stubs_order(declared):
    parameters = list(inspect.signature(runtime(declared)).parameters.values())
    if declared.owner is not None and declared.name != "__init__":
        assert parameters[0].name == "self"
        parameters = parameters[1:]
    assert tuple(p.name for p in parameters) == declared.params
    assert all(p.kind is inspect.Parameter.POSITIONAL_OR_KEYWORD for p in parameters), "by position or by name"
    assert tuple(p.name for p in parameters if p.default is not inspect.Parameter.empty) == declared.defaulted


@pytest.mark.parametrize("owner", sorted(PROPERTIES))
def test_each_declared_property_is_a_property_of_the_class(owner):
    cls = getattr(hospes, owner)
    for name in PROPERTIES[owner]:
        assert isinstance(inspect.getattr_static(cls, name), property), f"{owner}.{name}"


@pytest.mark.parametrize("hostile", HOSTILE, ids=str)
@pytest.mark.parametrize("declared", FUNCTIONS, ids=str)
def test_every_function_accepts_its_declared_keywords(declared, hostile):
    kwargs = {name: HOSTILE[hostile] for name in declared.params}
    answer(runtime(declared), kwargs, f"hospes.{declared.name}(**{kwargs})")


@pytest.mark.parametrize("declared", CONSTRUCTORS, ids=str)
def test_every_class_is_built_with_its_declared_keywords(declared):
    cls = runtime(declared)
    valid = VALID[declared.owner]()
    assert isinstance(answer(cls, valid, f"{declared.owner}(<valid>)"), cls)
    # Each argument hostile in turn, the others valid.
    for keyword in declared.params:
        for hostile, value in HOSTILE.items():
            answered = answer(cls, {**valid, keyword: value}, f"{declared.owner}({keyword}={value!r})")
            if not isinstance(value, (dict, list)) and keyword not in declared.defaulted:
                assert isinstance(answered, hospes.InputError), f"{declared.owner}({keyword}=<{hostile}>): not a record, yet accepted"


@pytest.mark.parametrize("hostile", HOSTILE, ids=str)
@pytest.mark.parametrize("declared", METHODS, ids=str)
def test_every_method_accepts_its_declared_keywords(declared, hostile):
    method = getattr(held(declared.owner), declared.name)
    kwargs = {name: HOSTILE[hostile] for name in declared.params}
    answer(method, kwargs, f"{declared}(**{kwargs})")


def test_the_sweep_reaches_every_declared_callable():
    assert {d.name for d in FUNCTIONS} >= {"to_wire", "issue_link", "price_stay", "render_mail"}
    assert {d.owner for d in CONSTRUCTORS} == set(VALID) == {"Keyring", "Pricer", "Mailer", "PreparedMailContext", "Register"}
    assert {str(d) for d in METHODS} >= {"Keyring.issue", "Keyring.verify", "Pricer.price", "Pricer.create_quote", "Mailer.render",
                                      "Register.upsert", "Register.search", "Register.export_to"}
