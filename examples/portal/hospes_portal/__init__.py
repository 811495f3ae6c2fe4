"""The reference web host of hospes: a guest portal (« espace client ») and a small back office.

`create_app()` builds the Flask app: the database (SQLite by default, PostgreSQL when
`DATABASE_URL` says so), the host's secrets (made on first start), the demo data (seeded on
first start), the link keyring, the mail sender and the payment provider. Everything the
guest sees is computed by hospes; this package stores, routes and renders.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import json
import os
import secrets
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Dict, Optional

import hospes
from flask import Flask, current_app, render_template
from flask.typing import ResponseReturnValue

from . import db, security
from .db import Store
from .links import Links
from .mail import MailSender, OutboxOnly, Postman, SmtpSender
from .payments import PaymentProvider

REPO = Path(__file__).resolve().parents[3]
FIXTURE = Path(__file__).resolve().parents[1] / "demo.json"

Clock = Callable[[], dt.datetime]


def utc_now() -> dt.datetime:
    return dt.datetime.now(dt.timezone.utc)


@dataclass
class Services:
    """What every request uses, kept on `app.extensions["hospes_portal"]`."""

    store: Store
    links: Links
    postman: Postman
    provider: PaymentProvider
    clock: Clock
    public_url: str
    data_dir: Path


def services() -> Services:
    """The services of the running app."""
    found: Services = current_app.extensions["hospes_portal"]
    return found


def now() -> dt.datetime:
    """The host's clock (tests set it): every hospes call takes `now` from here."""
    return services().clock()


def _secret(tx: db.Tx, key: str, make: Callable[[], str]) -> str:
    """A secret kept in the settings table, made on first start. Never logged."""
    value = tx.setting(key)
    if value is None:
        value = make()
        tx.set_setting(key, value)
    return value


def hash_password(password: str, salt: Optional[bytes] = None) -> str:
    """scrypt (stdlib) for the back office's one password; guests' accounts use hospes's Argon2id."""
    salt = salt or secrets.token_bytes(16)
    digest = hashlib.scrypt(password.encode(), salt=salt, n=2**14, r=8, p=1)
    return f"scrypt${salt.hex()}${digest.hex()}"


def check_password(password: str, stored: str) -> bool:
    _, salt, digest = stored.split("$")
    return hmac.compare_digest(hash_password(password, bytes.fromhex(salt)), f"scrypt${salt}${digest}")


def office_password(store: Store, data_dir: Path) -> str:
    """The back office's password: made on first start (or when its file was removed), kept in
    `target/portal/office-password.txt` for `make demo` to print; the database holds its hash."""
    path = data_dir / "office-password.txt"
    with store.tx() as tx:
        if path.exists() and tx.setting("office_password") is not None:
            return path.read_text(encoding="utf-8").strip()
        password = secrets.token_urlsafe(12)
        tx.set_setting("office_password", hash_password(password))
    path.write_text(password + "\n", encoding="utf-8")
    path.chmod(0o600)
    return password


#: What `create_app` is configured with: the environment's texts, and for tests the clock
#: (`CLOCK`) and how the demo provider's notifications are delivered (`DELIVER`).
Config = Dict[str, object]


def _text(config: Config, key: str) -> Optional[str]:
    value = config.get(key)
    return None if value is None else str(value)


def _sender(config: Config) -> MailSender:
    host = _text(config, "SMTP_HOST")
    if host:
        return SmtpSender(host, int(_text(config, "SMTP_PORT") or 587), _text(config, "SMTP_USER"),
                          _text(config, "SMTP_PASSWORD"), _text(config, "SMTP_STARTTLS") != "0")
    return OutboxOnly()


def create_app(config: Optional[Config] = None) -> Flask:
    """The portal app. `config` overrides the environment: DATABASE_URL, PUBLIC_URL, DATA_DIR,
    SMTP_HOST/PORT/USER/PASSWORD, CLOCK (a callable, for tests), DELIVER (how the demo
    provider's notifications reach the host, for tests), SEED (False: no demo data), FIXTURE
    (another fixture than `demo.json` to seed from, as the bench does)."""
    from . import demo_provider, guest, office, notifications, seed  # the blueprints

    settings: Config = {k: v for k, v in os.environ.items()
                        if k in ("DATABASE_URL", "PUBLIC_URL", "DATA_DIR") or k.startswith("SMTP_")}
    settings.update(config or {})
    data_dir = Path(_text(settings, "DATA_DIR") or REPO / "target" / "portal")
    data_dir.mkdir(parents=True, exist_ok=True)
    public_url = (_text(settings, "PUBLIC_URL") or "http://127.0.0.1:8080").rstrip("/")
    given_clock, given_deliver = settings.get("CLOCK"), settings.get("DELIVER")
    clock: Clock = given_clock if callable(given_clock) else utc_now

    store = Store(db.make_engine(_text(settings, "DATABASE_URL") or f"sqlite:///{data_dir / 'portal.db'}"))
    with store.tx() as tx:
        secret_key = _secret(tx, "secret_key", lambda: secrets.token_hex(32))
        keyring = _secret(tx, "link_keyring", lambda: json.dumps({"active_key": hospes.generate_link_key()}))
        provider_secret = _secret(tx, "demo_provider_secret", lambda: secrets.token_hex(32))
    links = Links(hospes.Keyring(json.loads(keyring)))
    postman = Postman(_sender(settings), links)
    deliver: demo_provider.Deliver = given_deliver if callable(given_deliver) else demo_provider.deliver_over_http
    provider = demo_provider.DemoProvider(store, bytes.fromhex(provider_secret), public_url, deliver, clock)
    found = Services(store, links, postman, provider, clock, public_url, data_dir)

    app = Flask(__name__)
    app.secret_key = secret_key
    app.config.update(PERMANENT_SESSION_LIFETIME=dt.timedelta(hours=12), MAX_CONTENT_LENGTH=2 * 1024 * 1024)
    app.extensions["hospes_portal"] = found
    security.install(app, https=public_url.startswith("https://"))
    from . import i18n
    i18n.install(app)

    with app.app_context():
        if settings.get("SEED", True):
            seed.seed_once(found, Path(_text(settings, "FIXTURE") or FIXTURE))
        seed.point_links_at(found)

    app.register_blueprint(guest.bp)
    app.register_blueprint(office.bp)
    app.register_blueprint(demo_provider.bp)
    app.register_blueprint(notifications.bp)

    @app.get("/")
    def index() -> str:
        """The demo's front page: each establishment's portal and the back office."""
        with store.tx() as tx:
            places = [tx.establishment(e) for e in tx.establishment_ids()]
        return render_template("index.html", places=places)

    @app.errorhandler(404)
    def not_found(_err: Exception) -> ResponseReturnValue:
        return render_template("error.html", message_key="not_found"), 404

    @app.errorhandler(hospes.InputError)
    def hostile_input(_err: Exception) -> ResponseReturnValue:
        """A value hospes refuses as input (a NUL in a reference, a login past its length…) is
        the request's fault: 400, like a form that does not parse."""
        return render_template("error.html", message_key="bad_request"), 400

    @app.errorhandler(400)
    def bad_request(_err: Exception) -> ResponseReturnValue:
        return render_template("error.html", message_key="bad_request"), 400

    return app
