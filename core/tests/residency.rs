//! Residents, as the seeds tell them: the rent invoiced by installments, and the people
//! authorised to stay on the pitch.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

mod common;

use common::at;
use common::invoicing::{eur, get};
use hospes::invoice::InvoiceKind;
use hospes::residency::Residency;
use hospes::{Client, Establishment};

#[test]
fn a_resident_pays_rent_in_installments_and_names_who_may_stay_on_the_pitch() {
    let r: Residency = get("residency");
    let e: Establishment = get("establishment");
    let c: Client = get("client");
    let rent = r.rent_invoice(&e, &c, 3).unwrap();
    assert_eq!(rent.kind, InvoiceKind::Rent);
    assert_eq!(rent.due_date.to_string(), "2027-10-01");
    assert_eq!(rent.total(), &eur("650.00"));
    let people: Vec<hospes::Companion> = serde_json::from_str(r#"[{"first_name":"Paul","last_name":"Dupont"},{"first_name":"Jeanne","last_name":"Martin"},{"first_name":"paul","last_name":"DUPONT"}]"#).unwrap();
    let change = r
        .set_authorised(people, at("2027-01-05T10:00:00Z"))
        .unwrap();
    assert_eq!(change.residency.authorised.len(), 2);
    assert_eq!(change.events[0].kind(), "authorised_persons_changed");
    let crowd: Vec<hospes::Companion> = (0..4)
        .map(|i| {
            serde_json::from_str(&format!(r#"{{"first_name":"P{i}","last_name":"X"}}"#)).unwrap()
        })
        .collect();
    assert_eq!(
        r.set_authorised(crowd, at("2027-01-05T10:00:00Z"))
            .unwrap_err()
            .code(),
        "stay.too_many_occupants"
    );
    assert_eq!(r.stay().status, hospes::StayStatus::Resident);
}
