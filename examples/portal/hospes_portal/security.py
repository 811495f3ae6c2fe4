"""The host's own security: session cookie, CSRF tokens, response headers.

- The session is Flask's signed cookie (`HttpOnly`, `SameSite=Lax`, `Secure` when the portal is
  served over HTTPS), holding only ids: the guest's `PortalAccess`, the back-office flag, the
  CSRF token, the language. It is cleared on every sign-in (no session fixation).
- Every POST carries the session's CSRF token (`csrf_field()` in each form), except the
  payment provider's notifications, which are signed instead.
- Every answer has a Content-Security-Policy without inline script or style,
  `Referrer-Policy: no-referrer` (tokens in URLs never leak), and no caching of private pages.
"""

from __future__ import annotations

import hmac
import secrets
from typing import Set

from flask import Flask, Response, abort, request, session
from markupsafe import Markup, escape

CSP = ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
       "object-src 'none'; frame-src 'self'; frame-ancestors 'self'; base-uri 'none'; form-action 'self'")

#: Endpoints that take a POST without the CSRF token: signed by whoever sends them.
CSRF_EXEMPT: Set[str] = {"notifications.notify"}


def csrf_token() -> str:
    """The session's CSRF token, made on first use."""
    if "csrf" not in session:
        session["csrf"] = secrets.token_urlsafe(32)
    return str(session["csrf"])


def csrf_field() -> Markup:
    """The hidden input every form carries."""
    return Markup(f'<input type="hidden" name="csrf" value="{escape(csrf_token())}">')


def start_session(**values: object) -> None:
    """A new session for a sign-in: nothing kept from before but the language."""
    locale = session.get("locale")
    session.clear()
    session.permanent = True
    if locale:
        session["locale"] = locale
    session.update(values)
    session["csrf"] = secrets.token_urlsafe(32)


def install(app: Flask, https: bool) -> None:
    """Cookie settings, the CSRF check and the security headers."""
    app.config.update(
        SESSION_COOKIE_NAME="portal_session",
        SESSION_COOKIE_HTTPONLY=True,
        SESSION_COOKIE_SAMESITE="Lax",
        SESSION_COOKIE_SECURE=https,
    )
    app.jinja_env.globals.update(csrf_field=csrf_field)

    @app.before_request
    def _check_csrf() -> None:
        if request.method != "POST" or request.endpoint in CSRF_EXEMPT:
            return
        sent = request.form.get("csrf", "")
        if not sent or not hmac.compare_digest(sent, str(session.get("csrf", ""))):
            abort(400, description="csrf")

    @app.after_request
    def _headers(response: Response) -> Response:
        response.headers["Content-Security-Policy"] = CSP
        response.headers["Referrer-Policy"] = "no-referrer"
        response.headers["X-Content-Type-Options"] = "nosniff"
        response.headers["X-Frame-Options"] = "SAMEORIGIN"
        response.headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=()"
        if not request.path.startswith("/static/"):
            response.headers["Cache-Control"] = "no-store"
        if https:
            response.headers["Strict-Transport-Security"] = "max-age=31536000"
        return response
