//! Marie's client space: her stays, never another client's, and a companion added back.

use crate::section;
use hospes::{Client, Stay};

/// What Marie sees in her client space once logged in.
pub fn portal(
    login: &hospes::account::Login,
    marie: &Client,
    now: hospes::DateTime<hospes::Utc>,
) -> hospes::Result<()> {
    use hospes::portal::{NewParticipant, Portal};
    section("Marie's client space");
    let stays: Vec<Stay> = hospes::wire::from_json(
        r#"[
        {"reference": "312", "client_id": "C-1042", "accommodation": "Emplacement grand confort", "arrival": "2026-07-11",
         "departure": "2026-07-25", "status": "confirmed", "currency": "EUR",
         "lines": [{"label": "Emplacement", "quantity": "14", "unit_price": {"amount": "38.50", "currency": "EUR"}, "vat_rate": "10"}],
         "documents": [{"kind": "contract", "number": "28"}]},
        {"reference": "287", "client_id": "C-1042", "accommodation": "Chalet", "arrival": "2025-07-05",
         "departure": "2025-07-12", "status": "completed", "currency": "EUR"},
        {"reference": "315", "client_id": "C-1043", "accommodation": "Chalet", "arrival": "2026-08-01",
         "departure": "2026-08-08", "status": "option", "currency": "EUR"}
    ]"#,
    )?;
    let space = Portal::from_login(login, marie.clone())?;
    let history = space.history(&stays, now.date_naive())?;
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
        Err(err) => println!("  Réf 315 (another client's): {}", err.code()),
    }
    let detail = space.stay(&stays, "312")?;
    println!(
        "  Réf 312: {} total, documents {:?}",
        detail.totals.vat.total_incl_vat,
        detail
            .stay
            .documents
            .iter()
            .map(|d| d.number.as_str())
            .collect::<Vec<_>>()
    );
    if let Some(stay) = stays.first() {
        let change = space.add_participant(stay, NewParticipant::Former { index: 1 }, now)?;
        let names: Vec<String> = change
            .stay
            .participants
            .iter()
            .map(|p| p.full_name())
            .collect();
        println!(
            "  she adds Léa from her former companions: {}",
            names.join(", ")
        );
    }
    Ok(())
}
