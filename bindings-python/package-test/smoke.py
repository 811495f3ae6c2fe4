"""hospes as a user installs it: run by the Python of a fresh venv into which only the wheel
(`make package-test`) or the sdist (`make package-check`) was installed, from a directory outside
the repository.

It imports the installed package (never the repository's), checks its version, makes a call,
reads a refusal's stable code, and finds the typed stubs that mypy and editors read.
"""

from __future__ import annotations

import sys
import sysconfig
from decimal import Decimal
from pathlib import Path

import hospes

expected_version = sys.argv[1]
package = Path(hospes.__file__).resolve().parent
site = Path(sysconfig.get_paths()["purelib"]).resolve()
assert package == site / "hospes", f"hospes imported from {package}, not from the venv's {site}"
assert hospes.__version__ == expected_version, (hospes.__version__, expected_version)

total = hospes.add_money({"amount": Decimal("10.10"), "currency": "EUR"}, {"amount": Decimal("0.20"), "currency": "EUR"})
assert total == {"amount": Decimal("10.30"), "currency": "EUR"}, total

try:
    hospes.normalize_client({"id": "C-1", "last_name": "Dupont", "email": "marie@", "created_at": "2026-01-15T09:30:00Z"}, "FR", "2026-06-01T10:00:00Z")
except hospes.HospesError as err:
    assert err.code == "client.email_invalid", err.code
    assert isinstance(err, hospes.ClientError)
else:
    raise AssertionError("an invalid e-mail address was accepted")

for stub in ("py.typed", "__init__.pyi"):
    assert (package / stub).is_file(), f"{stub} missing from the installed package"
natives = sorted(p.name for p in package.glob("*.so"))
assert natives == ["_native.abi3.so"], natives

print(f"installed: hospes {hospes.__version__} in {package}: a call, a refusal's code, typed stubs")
