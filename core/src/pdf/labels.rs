//! Address labels on the common self-adhesive sheets, addresses laid out per country: postcode
//! before the town (upper case in France), town then postcode on separate lines in the United
//! Kingdom and Ireland, town before postcode in North America and Australia, and the country
//! last, in capitals and in the sender's language, when the letter leaves the sender's country.

use serde::{Deserialize, Serialize};

use super::page::{Align, Info, MM, Sheet, Weight};
use super::printer::Printer;
use crate::error::{Error, Result};
use crate::i18n::Locale;
use crate::register::{Register, RegisterQuery, RegisterRow};
use crate::{Client, Country};
use chrono::{DateTime, Utc};

/// A sheet of labels.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
#[allow(non_camel_case_types)] // A4_3x8 reads as the sheet is sold
pub enum LabelSheet {
    /// A4, 3 × 8 labels of 70 × 37 mm, edge to edge (Avery 3474, Herma 4464 …).
    #[default]
    A4_3x8,
    /// A4, 2 × 7 labels of 99.1 × 38.1 mm (Avery L7163 …).
    A4_2x7,
    /// US Letter, 3 × 10 labels of 2⅝ × 1 in (Avery 5160 …).
    Letter_3x10,
}

/// The geometry of a sheet, in millimetres.
struct Layout {
    page: (f32, f32),
    columns: u32,
    rows: u32,
    label: (f32, f32),
    /// Top left corner of the first label.
    origin: (f32, f32),
    /// Distance from one label to the next, across and down.
    pitch: (f32, f32),
}

impl LabelSheet {
    fn layout(self) -> Layout {
        match self {
            LabelSheet::A4_3x8 => Layout {
                page: (210.0, 297.0),
                columns: 3,
                rows: 8,
                label: (70.0, 37.0),
                origin: (0.0, 0.5),
                pitch: (70.0, 37.0),
            },
            LabelSheet::A4_2x7 => Layout {
                page: (210.0, 297.0),
                columns: 2,
                rows: 7,
                label: (99.1, 38.1),
                origin: (4.65, 15.15),
                pitch: (101.6, 38.1),
            },
            LabelSheet::Letter_3x10 => Layout {
                page: (215.9, 279.4),
                columns: 3,
                rows: 10,
                label: (66.675, 25.4),
                origin: (4.7625, 12.7),
                pitch: (69.85, 25.4),
            },
        }
    }

    /// Labels on one sheet.
    ///
    /// ```
    /// assert_eq!(hospes::pdf::LabelSheet::A4_3x8.per_sheet(), 24);
    /// ```
    pub fn per_sheet(self) -> u32 {
        let layout = self.layout();
        layout.columns * layout.rows
    }
}

/// What to print: the clients, the sheet, and where the sender is.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct LabelRequest {
    /// The clients, one label each, in this order.
    pub clients: Vec<Client>,
    /// The sheet.
    #[serde(default)]
    pub sheet: LabelSheet,
    /// The sender's country: addresses elsewhere get a country line.
    pub sender_country: Country,
    /// The language of the country line.
    #[serde(default)]
    pub locale: Locale,
    /// Labels already used on the first sheet, skipped (left to right, top to bottom).
    #[serde(default)]
    pub skip: u32,
}

impl LabelRequest {
    /// Labels for a selection of the register (see
    /// [`Register::select`](crate::register::Register::select)), in its order; the clients
    /// without a postal address are left out, as a mailing prints what it can.
    ///
    /// ```
    /// use hospes::pdf::{LabelRequest, LabelSheet};
    /// # use hospes::register::{Register, RegisterQuery};
    /// # let mut register = Register::new(Default::default());
    /// # register.upsert(serde_json::from_str(r#"{"client": {"id": "C-1", "last_name": "Dupont", "address": {"lines": ["3 rue des Lilas"], "city": "Lyon", "country": "FR"}, "created_at": "2026-01-15T09:30:00Z"}}"#).unwrap()).unwrap();
    /// # register.upsert(serde_json::from_str(r#"{"client": {"id": "C-2", "last_name": "Martin", "created_at": "2026-01-15T09:30:00Z"}}"#).unwrap()).unwrap();
    /// let query = RegisterQuery { present_only: false, ..RegisterQuery::default() };
    /// let rows = register.select(&query, "2026-06-01".parse().unwrap()).unwrap();
    /// let request = LabelRequest::from_rows(rows, LabelSheet::A4_2x7, hospes::Country::FRANCE, hospes::Locale::Fr, 0);
    /// assert_eq!(request.clients.len(), 1);
    /// ```
    pub fn from_rows(
        rows: impl IntoIterator<Item = RegisterRow>,
        sheet: LabelSheet,
        sender_country: Country,
        locale: Locale,
        skip: u32,
    ) -> LabelRequest {
        LabelRequest {
            clients: rows
                .into_iter()
                .filter(|row| !row.address.lines.is_empty() || row.address.city.is_some())
                .map(|row| row.to_client())
                .collect(),
            sheet,
            sender_country,
            locale,
            skip,
        }
    }
}

impl LabelRequest {
    /// Labels for every client of `register` matching `query` as of `now` (its page ignored),
    /// in its order, on `sheet` from `sender_country`, in `locale`, `skip` labels left blank:
    /// [`from_rows`](LabelRequest::from_rows) of the register's selection.
    ///
    /// ```
    /// use hospes::pdf::{LabelRequest, LabelSheet};
    /// # let mut register = hospes::register::Register::new(Default::default());
    /// # register.upsert(serde_json::from_str(r#"{"client": {"id": "C-1", "last_name": "Dupont", "address": {"city": "Lyon", "country": "FR"}, "created_at": "2026-01-15T09:30:00Z"}}"#).unwrap()).unwrap();
    /// let query = hospes::register::RegisterQuery { present_only: false, ..Default::default() };
    /// let sheet = (LabelSheet::A4_3x8, hospes::Country::FRANCE, hospes::Locale::Fr, 0);
    /// let request = LabelRequest::for_register(&register, &query, "2026-06-01T10:00:00Z".parse().unwrap(), sheet).unwrap();
    /// assert_eq!(request.clients.len(), 1);
    /// ```
    pub fn for_register(
        register: &Register,
        query: &RegisterQuery,
        now: DateTime<Utc>,
        (sheet, sender_country, locale, skip): (LabelSheet, Country, Locale, u32),
    ) -> Result<LabelRequest> {
        let rows = register.select(query, register.today(now))?;
        Ok(LabelRequest::from_rows(
            rows,
            sheet,
            sender_country,
            locale,
            skip,
        ))
    }
}

impl Printer {
    /// The labels as PDF, as many sheets as needed. Refused (`pdf.labels_invalid`): no client,
    /// a client without a postal address (named), or `skip` of a whole sheet or more.
    ///
    /// ```
    /// use hospes::pdf::{LabelRequest, LabelSheet, Printer};
    /// # let client: hospes::Client = serde_json::from_str(r#"{"id":"C-1","last_name":"Ørsted","first_name":"Anders","address":{"lines":["Nørregade 1"],"postcode":"1165","city":"København","country":"DK"},"created_at":"2026-01-01T00:00:00Z"}"#).unwrap();
    /// let request = LabelRequest { clients: vec![client], sheet: LabelSheet::A4_2x7, sender_country: hospes::Country::FRANCE, locale: hospes::Locale::Fr, skip: 0 };
    /// assert!(Printer::standard().labels(&request).unwrap().starts_with(b"%PDF"));
    /// ```
    pub fn labels(&self, request: &LabelRequest) -> Result<Vec<u8>> {
        let invalid = |detail: String| Error::LabelsInvalid { detail };
        if request.clients.is_empty() {
            return Err(invalid("no client to print".to_owned()));
        }
        let per_sheet = request.sheet.per_sheet();
        if request.skip >= per_sheet {
            return Err(invalid(format!(
                "skip {} is a whole sheet or more ({per_sheet} labels)",
                request.skip
            )));
        }
        if let Some(client) = request
            .clients
            .iter()
            .find(|c| c.address.lines.is_empty() && c.address.city.is_none())
        {
            return Err(invalid(format!(
                "client {} has no postal address",
                client.id
            )));
        }
        let layout = request.sheet.layout();
        let mut sheet = Sheet::new(
            &self.regular,
            &self.bold,
            layout.page.0 * MM,
            layout.page.1 * MM,
            0.0,
        );
        let mut slot = request.skip;
        for client in &request.clients {
            if slot == per_sheet {
                sheet.new_page();
                slot = 0;
            }
            let (column, row) = (slot % layout.columns, slot / layout.columns);
            let left = (layout.origin.0 + column as f32 * layout.pitch.0) * MM;
            let top = sheet.height - (layout.origin.1 + row as f32 * layout.pitch.1) * MM;
            let lines = address_block(client, request.sender_country, request.locale);
            draw(
                &mut sheet,
                &lines,
                left,
                top,
                layout.label.0 * MM,
                layout.label.1 * MM,
            );
            slot += 1;
        }
        let info = Info {
            title: "Labels".to_owned(),
            lang: request.locale.tag(),
            ..Info::default()
        };
        sheet.finish(&info)
    }
}

/// One label: the lines centred vertically, 5 mm from the left edge, the font shrunk from 10 pt
/// (down to 6 pt) until the longest line fits.
fn draw(
    sheet: &mut Sheet<'_>,
    lines: &[(String, Weight)],
    left: f32,
    top: f32,
    width: f32,
    height: f32,
) {
    let pad = 5.0 * MM;
    let room = width - 2.0 * pad;
    let mut size: f32 = 10.0;
    while size > 6.0 && lines.iter().any(|(l, w)| sheet.measure(l, size, *w) > room) {
        size -= 0.5;
    }
    let leading = size * 1.2;
    let block = leading * lines.len() as f32;
    let mut y = top - (height - block) / 2.0 - size;
    for (line, weight) in lines {
        let fitted = fit(sheet, line, size, *weight, room);
        sheet.text(left + pad, y, &fitted, size, *weight, Align::Left);
        y -= leading;
    }
}

/// `line`, cut with an ellipsis if it is still too wide at the smallest size.
fn fit(sheet: &Sheet<'_>, line: &str, size: f32, weight: Weight, room: f32) -> String {
    if sheet.measure(line, size, weight) <= room {
        return line.to_owned();
    }
    let mut out = String::new();
    for c in line.chars() {
        out.push(c);
        if sheet.measure(&out, size, weight) + sheet.measure("…", size, weight) > room {
            out.pop();
            break;
        }
    }
    out.push('…');
    out
}

/// The address lines of `client` as the post of its country wants them.
fn address_block(client: &Client, sender: Country, locale: Locale) -> Vec<(String, Weight)> {
    let mut lines = Vec::new();
    let name = client.display_name();
    if !name.is_empty() {
        lines.push((name.clone(), Weight::Bold));
    }
    if let Some(company) = client.company.as_ref().filter(|c| **c != name) {
        lines.push((company.clone(), Weight::Regular));
    }
    let address = &client.address;
    lines.extend(
        address
            .lines
            .iter()
            .filter(|l| !l.trim().is_empty())
            .map(|l| (l.clone(), Weight::Regular)),
    );
    let country = address.country.unwrap_or(sender);
    let postcode = address.postcode.clone().unwrap_or_default();
    let city = address.city.clone().unwrap_or_default();
    let join = |a: &str, b: &str| {
        [a, b]
            .iter()
            .filter(|s| !s.is_empty())
            .copied()
            .collect::<Vec<_>>()
            .join(" ")
    };
    match country.code() {
        "GB" | "IE" => {
            lines.push((city.to_uppercase(), Weight::Regular));
            lines.push((postcode.to_uppercase(), Weight::Regular));
        }
        "US" | "CA" | "AU" => lines.push((join(&city.to_uppercase(), &postcode), Weight::Regular)),
        "FR" | "MC" => lines.push((join(&postcode, &city.to_uppercase()), Weight::Regular)),
        _ => lines.push((join(&postcode, &city), Weight::Regular)),
    }
    if country != sender {
        lines.push((
            super::address::country_name(country, locale),
            Weight::Regular,
        ));
    }
    lines.retain(|(l, _)| !l.trim().is_empty());
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    fn client(json: &str) -> Client {
        serde_json::from_str(json).unwrap()
    }

    #[test]
    fn a_french_address_puts_the_postcode_before_the_town_in_capitals() {
        let c = client(
            r#"{"id":"1","first_name":"Marie","last_name":"Dupont","address":{"lines":["3 rue des Lilas"],"postcode":"69003","city":"Lyon","country":"FR"},"created_at":"2026-01-01T00:00:00Z"}"#,
        );
        let lines: Vec<String> = address_block(&c, Country::FRANCE, Locale::Fr)
            .into_iter()
            .map(|(l, _)| l)
            .collect();
        assert_eq!(lines, ["Marie Dupont", "3 rue des Lilas", "69003 LYON"]);
    }

    #[test]
    fn a_british_address_from_france_ends_with_town_postcode_and_country() {
        let c = client(
            r#"{"id":"1","first_name":"John","last_name":"Smith","address":{"lines":["10 Downing Street"],"postcode":"sw1a 2aa","city":"London","country":"GB"},"created_at":"2026-01-01T00:00:00Z"}"#,
        );
        let lines: Vec<String> = address_block(&c, Country::FRANCE, Locale::Fr)
            .into_iter()
            .map(|(l, _)| l)
            .collect();
        assert_eq!(
            lines,
            [
                "John Smith",
                "10 Downing Street",
                "LONDON",
                "SW1A 2AA",
                "ROYAUME-UNI"
            ]
        );
    }

    #[test]
    fn a_spanish_address_from_france_is_named_in_the_senders_language() {
        let c = client(
            r#"{"id":"1","first_name":"Lucía","last_name":"Ñúñez","address":{"lines":["Calle Mayor 5"],"postcode":"28013","city":"Madrid","country":"ES"},"created_at":"2026-01-01T00:00:00Z"}"#,
        );
        let en: Vec<String> = address_block(&c, Country::FRANCE, Locale::En)
            .into_iter()
            .map(|(l, _)| l)
            .collect();
        assert_eq!(en.last().unwrap(), "SPAIN");
        let fr: Vec<String> = address_block(&c, Country::FRANCE, Locale::Fr)
            .into_iter()
            .map(|(l, _)| l)
            .collect();
        assert_eq!(
            fr,
            ["Lucía Ñúñez", "Calle Mayor 5", "28013 Madrid", "ESPAGNE"]
        );
    }

    #[test]
    fn a_client_without_an_address_is_named_in_the_refusal() {
        let c = client(r#"{"id":"C-9","last_name":"Zoë","created_at":"2026-01-01T00:00:00Z"}"#);
        let request = LabelRequest {
            clients: vec![c],
            sheet: LabelSheet::A4_3x8,
            sender_country: Country::FRANCE,
            locale: Locale::Fr,
            skip: 0,
        };
        let err = Printer::standard().labels(&request).unwrap_err();
        assert_eq!(err.code(), "pdf.labels_invalid");
        assert!(err.to_string().contains("C-9"));
    }
}
