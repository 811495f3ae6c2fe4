"""Writes tests/vectors/account.json: logins against a frozen Argon2id hash, and every refusal.

A password hash has a random salt, so one is made once here and frozen in the file; every suite
then checks the same bytes. Run only when the account rules change on purpose:

    PYTHONPATH=bindings-python/python python tests/vectors/make_account_vectors.py
"""

from pathlib import Path

from vectorgen import Recorder, call

OUT = Path(__file__).with_name("account.json")
NOW = "2026-06-01T10:00:00Z"
PASSWORD = "correct horse battery staple"
MARIE = {"id": "C-1042", "last_name": "Dupont", "first_name": "Marie", "email": "marie.dupont@example.fr",
         "created_at": "2026-01-15T09:30:00Z"}



def main():
    registered = call("account.register", {"client": MARIE, "existing": None, "email": MARIE["email"],
                                            "password": PASSWORD, "now": NOW})["ok"]["account"]
    account = {**registered, "verified": True}
    unverified = registered
    claims = {"client_id": "C-1042", "purpose": "account_verify", "subject": None, "issued_at": NOW,
              "expires_at": "2026-06-03T10:00:00Z", "token_id": "5d8e435ae1637f7747d88b5379e97f4e"}
    recorder = Recorder()
    vec = recorder.vec

    def login(acc, email=MARIE["email"], password=PASSWORD, throttle=None):
        return {"account": acc, "email": email, "password": password, "throttle": throttle or {}, "now": NOW}

    vec("a guest logs in with the password they chose", "account.login", login(account))
    vec("the login ignores the case of the e-mail", "account.login", login(account, email="Marie.Dupont@EXAMPLE.fr"))
    vec("a wrong password is refused", "account.login", login(account, password="wrong horse battery"),
        error="account.login_failed")
    vec("an unknown e-mail gets the very same refusal", "account.login", login(None, email="who@example.fr"),
        error="account.login_failed")
    vec("an account whose e-mail is not confirmed cannot log in yet", "account.login", login(unverified),
        error="account.not_verified")
    vec("after seven failures the guest waits eight seconds", "account.login",
        login(account, throttle={"failures": 7, "last_failure_at": NOW}), error="account.throttled")
    vec("an address on no client record gets no account, and no hint of it", "account.register",
        {"client": None, "existing": None, "email": "who@example.fr", "password": PASSWORD, "now": NOW})
    vec("a password of nine characters is too short", "account.register",
        {"client": MARIE, "existing": None, "email": MARIE["email"], "password": "123456789", "now": NOW},
        error="account.password_too_short")
    vec("an invalid e-mail is refused at registration", "account.register",
        {"client": MARIE, "existing": None, "email": "marie@", "password": PASSWORD, "now": NOW},
        error="client.email_invalid")
    vec("opening the verification link confirms the account", "account.confirm",
        {"account": unverified, "claims": claims, "now": NOW})
    vec("a link of another purpose does not confirm an account", "account.confirm",
        {"account": unverified, "claims": {**claims, "purpose": "portal"}, "now": NOW}, error="link.invalid")
    vec("a reset link of another client is refused", "account.reset_password",
        {"account": account, "claims": {**claims, "purpose": "password_reset", "client_id": "C-9"},
         "new_password": "a brand new passphrase", "now": NOW}, error="link.invalid")
    vec("changing the password needs the current one", "account.change_password",
        {"account": account, "current_password": "not my password", "new_password": "a brand new passphrase",
         "now": NOW}, error="account.login_failed")
    vec("five failures are free", "account.throttle_wait",
        {"throttle": {"failures": 4, "last_failure_at": NOW}, "now": NOW})
    vec("the seventh failure costs eight seconds", "account.throttle_wait",
        {"throttle": {"failures": 7, "last_failure_at": NOW}, "now": NOW})
    vec("the wait never exceeds fifteen minutes", "account.throttle_wait",
        {"throttle": {"failures": 100, "last_failure_at": "2026-06-01T09:55:00Z"}, "now": NOW})
    vec("a failure is counted with its time", "account.throttle_failed",
        {"throttle": {"failures": 2, "last_failure_at": "2026-06-01T09:00:00Z"}, "now": NOW})
    recorder.write(OUT)


if __name__ == "__main__":
    main()
