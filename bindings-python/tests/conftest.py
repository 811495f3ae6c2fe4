import json
from pathlib import Path

VECTORS = Path(__file__).resolve().parents[2] / "tests" / "vectors"


def load_vectors():
    """Every shared conformance vector, as (id, vector) pairs."""
    for path in sorted(VECTORS.glob("*.json")):
        for vector in json.loads(path.read_text(encoding="utf-8"))["vectors"]:
            yield f"{path.stem}: {vector['name']}", vector
