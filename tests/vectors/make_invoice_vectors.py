"""Writes tests/vectors/invoice.json: invoice numbering, gapless and chronological.

    PYTHONPATH=bindings-python/python python tests/vectors/make_invoice_vectors.py

The outputs are computed by hospes and then frozen: review the diff of invoice.json by eye.
"""

from pathlib import Path

from vectorgen import Recorder

OUT = Path(__file__).with_name("invoice.json")
FA = "FA{yy}{mm}{seq:04}"


def main():
    recorder = Recorder()
    vec = recorder.vec

    def nxt(name, date, last, pattern=FA, error=None):
        vec(name, "invoice.next_number", {"pattern": pattern, "date": date, "last": last}, error=error)

    nxt("the first invoice of a series", "2026-02-03", None)
    nxt("the next invoice in the same month", "2026-02-27", "FA26020041")
    nxt("the first invoice of March starts the sequence again", "2026-03-01", "FA26020042")
    nxt("a yearly series goes on across months", "2026-03-01", "AV2026-00042", pattern="AV{yyyy}-{seq:05}")
    nxt("an invoice dated before the last one's month is refused", "2026-01-31", "FA26020001",
        error="invoice.date_before_last")
    nxt("a last number of another series is refused", "2026-02-03", "AV26020001", error="invoice.number_invalid")
    nxt("a full sequence is refused rather than wrapped", "2026-02-03", "FA26029999",
        error="invoice.sequence_exhausted")
    vec("the CheckinDog pattern is valid", "invoice.check_number_pattern", {"pattern": FA})
    vec("a pattern without a sequence is refused", "invoice.check_number_pattern", {"pattern": "FA{yy}{mm}"},
        error="invoice.number_pattern_invalid")
    recorder.write(OUT)


if __name__ == "__main__":
    main()
