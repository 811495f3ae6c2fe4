//! Locale formatting of numbers, money and dates, with ICU4X's CLDR data: what a guest reads in
//! an e-mail, on the portal or on a document.
//!
//! French groups thousands with a narrow no-break space (U+202F) and puts a no-break space
//! (U+00A0) before the currency symbol: `1 234,56 €`. Spanish does not group a four-digit number
//! (`1234,56 €`) but does from five (`12.345,67 €`). English writes `€1,234.56`.

use std::sync::LazyLock;

use chrono::{DateTime, Datelike, NaiveDate, NaiveTime, Timelike, Utc};
use icu_datetime::fieldsets::{self, YMD};
use icu_datetime::input::{Date, Time};
use icu_datetime::{DateTimeFormatter, NoCalendarFormatter};
use icu_decimal::DecimalFormatter;
use icu_decimal::input::Decimal as IcuDecimal;
use rust_decimal::Decimal;
use writeable::Writeable;

use crate::error::{Error, Result};
use crate::i18n::Locale;
use crate::money::{Currency, Money};

/// The ICU4X formatters of one locale, built once from the compiled CLDR data.
struct Formatters {
    decimal: Option<DecimalFormatter>,
    date: Option<DateTimeFormatter<YMD>>,
    time: Option<NoCalendarFormatter<fieldsets::T>>,
}

impl Formatters {
    fn new(locale: Locale) -> Formatters {
        let icu = icu_locale_core::Locale::try_from_str(locale.tag())
            .unwrap_or(icu_locale_core::Locale::UNKNOWN);
        Formatters {
            decimal: DecimalFormatter::try_new((&icu).into(), Default::default()).ok(),
            date: DateTimeFormatter::try_new((&icu).into(), YMD::long()).ok(),
            time: NoCalendarFormatter::try_new((&icu).into(), fieldsets::T::hm()).ok(),
        }
    }
}

static FORMATTERS: LazyLock<[Formatters; 3]> = LazyLock::new(|| Locale::ALL.map(Formatters::new));

fn formatters(locale: Locale) -> &'static Formatters {
    let [fr, en, es] = &*FORMATTERS;
    match locale {
        Locale::Fr => fr,
        Locale::En => en,
        Locale::Es => es,
    }
}

/// A decimal number as the locale writes it, keeping its scale.
///
/// ```
/// use hospes::{i18n::format, Locale};
/// use rust_decimal::Decimal;
/// let n: Decimal = "12345.5".parse().unwrap();
/// assert_eq!(format::number(n, Locale::Fr), "12\u{202f}345,5");
/// assert_eq!(format::number(n, Locale::En), "12,345.5");
/// assert_eq!(format::number(n, Locale::Es), "12.345,5");
/// ```
pub fn number(value: Decimal, locale: Locale) -> String {
    let text = value.to_string();
    match (
        formatters(locale).decimal.as_ref(),
        text.parse::<IcuDecimal>(),
    ) {
        (Some(formatter), Ok(decimal)) => formatter.format(&decimal).write_to_string().into_owned(),
        // Unreachable with the compiled data; the plain digits beat an error in a mail.
        _ => text,
    }
}

/// An amount as the locale writes it, to the currency's minor unit, with its symbol.
///
/// ```
/// use hospes::{i18n::format, Locale, Money};
/// let m = Money::parse("1234.56", "EUR").unwrap();
/// assert_eq!(format::money(&m, Locale::Fr), "1\u{202f}234,56\u{a0}€");
/// assert_eq!(format::money(&m, Locale::En), "€1,234.56");
/// assert_eq!(format::money(&m, Locale::Es), "1234,56\u{a0}€");
/// let big = Money::parse("12345.67", "EUR").unwrap();
/// assert_eq!(format::money(&big, Locale::Es), "12.345,67\u{a0}€");
/// ```
pub fn money(amount: &Money, locale: Locale) -> String {
    let rounded = amount.rounded();
    let mut value = rounded.amount;
    value.rescale(rounded.currency.minor_units());
    let negative = value.is_sign_negative() && !value.is_zero();
    let digits = number(value.abs(), locale);
    let symbol = symbol(rounded.currency);
    let sign = if negative { "-" } else { "" };
    match locale {
        // CLDR "#,##0.00 ¤" for French and Spanish.
        Locale::Fr | Locale::Es => format!("{sign}{digits}\u{a0}{symbol}"),
        // CLDR "¤#,##0.00" for English; a letter symbol is set apart (`CHF 12.00`).
        Locale::En if symbol.chars().all(char::is_alphabetic) => {
            format!("{sign}{symbol}\u{a0}{digits}")
        }
        Locale::En => format!("{sign}{symbol}{digits}"),
    }
}

/// The symbol written next to an amount: `€`, `£`, `$`; the ISO code when the currency has no
/// symbol of its own.
fn symbol(currency: Currency) -> String {
    match currency.code() {
        "EUR" => "€".into(),
        "GBP" => "£".into(),
        "USD" => "$".into(),
        "JPY" => "¥".into(),
        code => code.into(),
    }
}

/// A calendar date in the locale's long form.
///
/// ```
/// use hospes::{i18n::format, Locale};
/// let d = "2026-07-11".parse().unwrap();
/// assert_eq!(format::date(d, Locale::Fr), "11 juillet 2026");
/// assert_eq!(format::date(d, Locale::En), "July 11, 2026");
/// assert_eq!(format::date(d, Locale::Es), "11 de julio de 2026");
/// ```
pub fn date(value: NaiveDate, locale: Locale) -> String {
    let month = u8::try_from(value.month()).unwrap_or(1);
    let day = u8::try_from(value.day()).unwrap_or(1);
    match (
        formatters(locale).date.as_ref(),
        Date::try_new_iso(value.year(), month, day),
    ) {
        (Some(formatter), Ok(date)) => formatter.format(&date).write_to_string().into_owned(),
        _ => value.to_string(),
    }
}

/// A time of day as the locale writes it: `14:30` in French and Spanish, `2:30 PM` in English.
///
/// ```
/// use hospes::{i18n::format, Locale};
/// let t = chrono::NaiveTime::from_hms_opt(14, 30, 0).unwrap();
/// assert_eq!(format::time(t, Locale::Fr), "14:30");
/// assert_eq!(format::time(t, Locale::En), "2:30\u{202f}PM");
/// ```
pub fn time(value: NaiveTime, locale: Locale) -> String {
    let hour = u8::try_from(value.hour()).unwrap_or(0);
    let minute = u8::try_from(value.minute()).unwrap_or(0);
    match (
        formatters(locale).time.as_ref(),
        Time::try_new(hour, minute, 0, 0),
    ) {
        (Some(formatter), Ok(time)) => formatter.format(&time).write_to_string().into_owned(),
        _ => value.format("%H:%M").to_string(),
    }
}

/// Time left as a guest reads it — whole days when at least one, else hours, else minutes,
/// rounded down; nothing left reads « 0 minute » — the words of the `[TEMPS_RESTANT]` mail tag.
///
/// ```
/// use hospes::{i18n::format, Locale};
/// assert_eq!(format::duration(302_400, Locale::Fr), "3 jours");
/// assert_eq!(format::duration(7_200, Locale::En), "2 hours");
/// assert_eq!(format::duration(60, Locale::Es), "1 minuto");
/// ```
pub fn duration(seconds: i64, locale: Locale) -> String {
    duration_or(seconds, locale, locale)
}

/// [`duration`], its words from `fallback`'s catalogue where `locale`'s lacks them.
pub(crate) fn duration_or(seconds: i64, locale: Locale, fallback: Locale) -> String {
    let seconds = seconds.max(0);
    let (id, count) = if seconds >= 86_400 {
        ("label-remaining-days", seconds / 86_400)
    } else if seconds >= 3_600 {
        ("label-remaining-hours", seconds / 3_600)
    } else {
        ("label-remaining-minutes", seconds / 60)
    };
    crate::i18n::text(id, &[("count", count.into())], locale, fallback)
}

/// A deadline on the wall clock of `time_zone`, date and time as `locale` writes them — the
/// words of the `[DATE_LIMITE_MODIF]` mail tag: « 4 juillet 2026 à 18:00 ». A deadline at
/// midnight ends the day before: it reads as that day's last minute
/// (« 4 juillet 2026 à 23:59 »), as the guest understands « until the 4th ».
///
/// ```
/// use hospes::{i18n::format, Locale};
/// let paris: chrono_tz::Tz = "Europe/Paris".parse().unwrap();
/// let at_six = "2026-07-10T16:00:00Z".parse().unwrap();
/// assert_eq!(format::deadline(at_six, paris, Locale::Fr), "10 juillet 2026 à 18:00");
/// let midnight = "2026-07-04T22:00:00Z".parse().unwrap();
/// assert_eq!(format::deadline(midnight, paris, Locale::En), "July 4, 2026 at 11:59\u{202f}PM");
/// ```
pub fn deadline(instant: DateTime<Utc>, time_zone: chrono_tz::Tz, locale: Locale) -> String {
    deadline_or(instant, time_zone, locale, locale)
}

/// [`deadline`], its words from `fallback`'s catalogue where `locale`'s lacks them.
pub(crate) fn deadline_or(
    instant: DateTime<Utc>,
    time_zone: chrono_tz::Tz,
    locale: Locale,
    fallback: Locale,
) -> String {
    let local = instant.with_timezone(&time_zone).naive_local();
    // A deadline at midnight ends the day before: shown as its last minute, « 4 juillet à 23:59 ».
    let local = if local.time() == NaiveTime::MIN {
        local - chrono::Duration::minutes(1)
    } else {
        local
    };
    crate::i18n::text(
        "label-date-at-time",
        &[
            ("date", date(local.date(), locale).into()),
            ("time", time(local.time(), locale).into()),
        ],
        locale,
        fallback,
    )
}

/// Longest text [`phone`] reads: `+` and 15 digits is E.164's most.
const MAX_E164: usize = 16;

/// A phone number in E.164 form (`+33558091234`, as hospes stores every phone) as a guest
/// reading `locale` dials it: in the national form of its country when that is the country of
/// `locale`'s language — `05 58 09 12 34` for a French reader, `612 34 56 78` for a Spanish one
/// — and in the international form otherwise, grouped as its country writes it
/// (`+33 5 58 09 12 34`, `+44 20 7946 0958`, `+1 201-555-0123`). English is read in many
/// countries: an English reader gets the international form. The groups are libphonenumber's
/// (its metadata, through the `phonenumber` crate hospes normalises numbers with), for every
/// country. Anything but a valid number in E.164 form — `+`, the country code and the number,
/// digits only — is `input.phone_not_e164`: normalise what was typed with
/// [`phone::normalize`](crate::phone::normalize) first.
///
/// ```
/// use hospes::{i18n::format, Locale};
/// assert_eq!(format::phone("+33558091234", Locale::Fr).unwrap(), "05 58 09 12 34");
/// assert_eq!(format::phone("+33558091234", Locale::En).unwrap(), "+33 5 58 09 12 34");
/// assert_eq!(format::phone("+34612345678", Locale::Es).unwrap(), "612 34 56 78");
/// assert_eq!(format::phone("+34612345678", Locale::Fr).unwrap(), "+34 612 34 56 78");
/// assert_eq!(format::phone("05 58 09 12 34", Locale::Fr).unwrap_err().code(), "input.phone_not_e164");
/// ```
pub fn phone(e164: &str, locale: Locale) -> Result<String> {
    let refused = || Error::PhoneNotE164 {
        value: e164.chars().take(40).collect(),
    };
    let digits = e164.strip_prefix('+').ok_or_else(refused)?;
    if e164.len() > MAX_E164
        || digits.len() < 2
        || !digits.bytes().all(|b| b.is_ascii_digit())
        || digits.starts_with('0')
    {
        return Err(refused());
    }
    let number = phonenumber::parse(None, e164).map_err(|_| refused())?;
    if !phonenumber::is_valid(&number) {
        return Err(refused());
    }
    let home = match locale {
        Locale::Fr => Some(phonenumber::country::Id::FR),
        Locale::Es => Some(phonenumber::country::Id::ES),
        Locale::En => None,
    };
    let mode = if home.is_some() && number.country().id() == home {
        phonenumber::Mode::National
    } else {
        phonenumber::Mode::International
    };
    Ok(number.format().mode(mode).to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_french_guest_reads_a_french_number_as_she_dials_it_and_others_in_international_form() {
        let cases = [
            ("+33558091234", Locale::Fr, "05 58 09 12 34"),
            ("+33612345678", Locale::Fr, "06 12 34 56 78"),
            ("+33558091234", Locale::Es, "+33 5 58 09 12 34"),
            ("+34612345678", Locale::Es, "612 34 56 78"),
            ("+34912345678", Locale::Fr, "+34 912 34 56 78"),
            ("+32470123456", Locale::Fr, "+32 470 12 34 56"),
            ("+41781234567", Locale::Fr, "+41 78 123 45 67"),
            ("+4930123456", Locale::En, "+49 30 123456"),
            ("+442079460958", Locale::En, "+44 20 7946 0958"),
            ("+31201234567", Locale::Es, "+31 20 123 4567"),
            ("+390612345678", Locale::Fr, "+39 06 1234 5678"),
            ("+12015550123", Locale::En, "+1 201-555-0123"),
        ];
        for (e164, locale, shown) in cases {
            assert_eq!(phone(e164, locale).unwrap(), shown, "{e164} in {locale}");
        }
    }

    #[test]
    fn a_phone_not_in_e164_form_is_refused_with_its_value() {
        for bad in [
            "",
            "+",
            "0558091234",
            "+33 5 58 09 12 34",
            "+33-558091234",
            "+0033558091234",
            "+3355809123456789",
            "+33123",
            "+33５58091234",
            "tel:+33558091234",
        ] {
            let err = phone(bad, Locale::Fr).unwrap_err();
            assert_eq!(err.code(), "input.phone_not_e164", "{bad}");
            assert_eq!(err.fields()["value"], bad, "{bad}");
        }
    }

    fn eur(amount: &str) -> Money {
        Money::parse(amount, "EUR").unwrap()
    }

    #[test]
    fn french_amounts_use_the_narrow_no_break_space_to_group_and_a_no_break_space_before_the_euro()
    {
        assert_eq!(money(&eur("1234.56"), Locale::Fr), "1\u{202f}234,56\u{a0}€");
        assert_eq!(money(&eur("0"), Locale::Fr), "0,00\u{a0}€");
        assert_eq!(money(&eur("-90"), Locale::Fr), "-90,00\u{a0}€");
    }

    #[test]
    fn spanish_groups_from_five_digits() {
        assert_eq!(money(&eur("1234.56"), Locale::Es), "1234,56\u{a0}€");
        assert_eq!(money(&eur("12345.67"), Locale::Es), "12.345,67\u{a0}€");
    }

    #[test]
    fn amounts_are_shown_to_the_minor_unit() {
        assert_eq!(money(&eur("12.5"), Locale::En), "€12.50");
        assert_eq!(money(&eur("12.345"), Locale::En), "€12.35");
        let chf = Money::parse("12", "CHF").unwrap();
        assert_eq!(money(&chf, Locale::En), "CHF\u{a0}12.00");
        let yen = Money::parse("1500", "JPY").unwrap();
        assert_eq!(money(&yen, Locale::Fr), "1\u{202f}500\u{a0}¥");
    }
}
