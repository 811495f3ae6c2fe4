"""`python -m hospes_portal`: serves the portal with waitress and prints the URLs to open.

    PORT=8080 HOST=127.0.0.1 DATABASE_URL=postgresql+psycopg://… python -m hospes_portal

The URLs printed carry secret links (the demo's guests' keys to their spaces) and the back
office's password: they are printed here on purpose, for the demo, and logged nowhere else.
"""

from __future__ import annotations

import os

import hospes
from waitress import serve

from . import create_app, now, office_password, services
from .db import Tx


def _first_link(tx: Tx, est_id: str, client_id: str, purpose: hospes.LinkPurpose, subject: str | None) -> str:
    est = tx.establishment(est_id)
    client = tx.client_in(est_id, client_id)
    assert est is not None and client is not None
    return services().links.issue(tx, est.record, client, purpose, subject, now())


def main() -> None:
    host = os.environ.get("HOST", "127.0.0.1")
    port = int(os.environ.get("PORT", "8080"))
    app = create_app({"PUBLIC_URL": os.environ.get("PUBLIC_URL") or f"http://{host}:{port}"})
    with app.app_context():
        found = services()
        with found.store.tx() as tx:
            marie = _first_link(tx, "camping-des-pins", "C-1042", "portal", None)
            open_quote = tx.quote("camping-des-pins", "D26-0318")
            quote = _first_link(tx, "camping-des-pins", "C-1042", "quote", "D26-0318") \
                if open_quote is not None and open_quote["status"] == "sent" else None
        password = office_password(found.store, found.data_dir)
    print(f"hospes portal on {found.public_url}/  (data in {found.data_dir})")
    print(f"  Marie's espace client:   {marie}")
    if quote:
        print(f"  Marie's quote D26-0318:  {quote}")
    print(f"  the salon (Camille):     {found.public_url}/toilettage-du-parc/login  camille.laurent@example.fr / Filou-au-parc-2026")
    print(f"  the back office:         {found.public_url}/office/  password: {password}")
    print(f"  mails sent (outbox):     {found.public_url}/office/outbox")
    serve(app, host=host, port=port, threads=8, ident="hospes-portal")


if __name__ == "__main__":
    main()
