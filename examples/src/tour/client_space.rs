//! Marie's client space, with the reference portal's demo data (`examples/portal/demo.json`,
//! what `make demo` serves): her stays, never another client's, and a companion added.

use crate::demo::Demo;
use crate::section;
use hospes::Locale;

/// What Marie sees in her client space once logged in.
pub fn portal(
    login: &hospes::account::Login,
    now: hospes::DateTime<hospes::Utc>,
) -> hospes::Result<()> {
    use hospes::portal::{NewParticipant, ParticipantRules, Portal};
    section("Marie's client space (the demo portal's data)");
    let demo = Demo::load()?;
    let camping = demo.establishment("camping-des-pins")?;
    let marie = demo.client(&login.client_id)?;
    let stays = demo.stays()?;
    let space = Portal::from_login(login, marie)?;
    let home = space.home(
        &camping,
        &stays,
        Some(Locale::En),
        demo.as_of()?.date_naive(),
    )?;
    println!(
        "  {} — {}, {}",
        home.header.name,
        home.header.place,
        home.header.presentation.unwrap_or_default()
    );
    let history = space.history(&stays, demo.as_of()?.date_naive())?;
    for s in &history.upcoming {
        println!(
            "  upcoming: Réf {} — {} → {} ({:?})",
            s.reference, s.arrival, s.departure, s.status
        );
    }
    for s in &history.past {
        println!(
            "  past:     Réf {} — {} → {}",
            s.reference, s.arrival, s.departure
        );
    }
    match space.stay(&stays, "315") {
        Ok(_) => println!("  Réf 315: shown (this must never happen)"),
        Err(err) => println!("  Réf 315 (Jean Martin's): {}", err.code()),
    }
    let detail = space.stay(&stays, "312")?;
    println!(
        "  Réf 312: {} total, {} line(s)",
        detail.totals.vat.total_incl_vat,
        detail.stay.lines.len()
    );
    let lea: hospes::Companion = hospes::wire::from_json(
        r#"{"first_name": "Léa", "last_name": "Dupont", "birth_date": "2016-05-02"}"#,
    )?;
    let change = space.add_participant(
        &detail.stay,
        NewParticipant::Typed { person: lea },
        ParticipantRules::default(),
        now,
    )?;
    let names: Vec<String> = change
        .stay
        .participants
        .iter()
        .map(|p| p.full_name())
        .collect();
    println!("  she adds Léa to stay 312: {}", names.join(", "));
    Ok(())
}
