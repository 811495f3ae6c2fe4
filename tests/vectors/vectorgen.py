"""What the make_*_vectors.py scripts share: calling hospes and recording vectors.

Every expected output is computed by hospes once, then frozen in the JSON file; review its diff.
"""

import base64
import hashlib
import json
from pathlib import Path

from hospes import _native


def call(op, args):
    """The envelope of operation ``op`` on ``args``."""
    return json.loads(_native.call(op, json.dumps(args)))


class Recorder:
    """Collects vectors, checking each one's outcome as it is recorded."""

    def __init__(self):
        self.vectors = []

    def vec(self, name, op, args, error=None, expect_prefix=None, sha256=False, text_sha256=False):
        out = call(op, args)
        vector = {"name": name, "op": op, "input": args}
        if error:
            assert out.get("error", {}).get("code") == error, (name, out)
            vector["error"] = error
        elif sha256:
            assert "ok" in out, (name, out)
            vector["expect_sha256"] = hashlib.sha256(base64.b64decode(out["ok"])).hexdigest()
        elif text_sha256:
            # A text document (the e-invoice XML): the hash of its UTF-8 bytes.
            assert isinstance(out.get("ok"), str) and out["ok"], (name, out)
            vector["expect_text_sha256"] = hashlib.sha256(out["ok"].encode("utf-8")).hexdigest()
        elif expect_prefix:
            assert out["ok"].startswith(expect_prefix), (name, out)
            vector["expect_prefix"] = expect_prefix
        else:
            assert "ok" in out, (name, out)
            vector["expect"] = out["ok"]
        self.vectors.append(vector)

    def write(self, path: Path):
        path.write_text(json.dumps({"vectors": self.vectors}, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
        print(f"wrote {len(self.vectors)} vectors to {path}")
