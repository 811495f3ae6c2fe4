//! A portal account for Marie: registered, confirmed, and logged in after two wrong passwords.

use crate::client_space;
use crate::section;
use hospes::{Client, Locale};

/// Marie registers, and logs in: a wrong password is refused, the right one opens her client
/// space.
pub fn accounts(marie: &Client, now: hospes::DateTime<hospes::Utc>) -> hospes::Result<()> {
    use hospes::account::{self, Throttle};
    section("A portal account for Marie");
    let email = marie.email.clone().unwrap_or_default();
    let registration = account::register(Some(marie), None, &email, "Filou aime la plage", now)?;
    let Some(created) = registration.account else {
        println!("no account created");
        return Ok(());
    };
    println!(
        "account for {} created, to confirm by e-mail ({} event)",
        created.email,
        registration.events.len()
    );
    let stranger = account::register(None, None, "inconnu@example.fr", "Filou aime la plage", now)?;
    println!(
        "an unknown address: account created? {} — the page says the same to both",
        stranger.account.is_some()
    );
    let verified = hospes::account::Account {
        verified: true,
        ..created
    };
    let mut throttle = Throttle::default();
    for attempt in ["filou", "Filou aime la mer", "Filou aime la plage"] {
        match account::login(Some(&verified), &email, attempt, &throttle, now) {
            Ok(login) => {
                println!("  {attempt:?}: welcome, client {}", login.client_id);
                client_space::portal(&login, now)?;
            }
            Err(err) => {
                throttle = throttle.failed(now);
                println!(
                    "  {attempt:?}: {} ({})",
                    err.message(Locale::Fr),
                    err.code()
                );
            }
        }
    }
    Ok(())
}
