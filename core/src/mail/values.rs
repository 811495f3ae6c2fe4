//! The values a mail shows, formatted in its language (ICU4X) and labelled from the catalogues.
//! Only the objects a template uses are built.

use tera::{Context, Map, Value};

use crate::i18n::{self, Locale, format};
use crate::mail::MailContext;
use crate::money::Money;

/// Whether the value behind `variable` (`links.portal`) is present in `context`.
pub(crate) fn has(context: &MailContext, variable: &str) -> bool {
    let links = &context.links;
    let amounts = &context.amounts;
    let documents = &context.documents;
    let stay = context.stay.as_ref();
    let edit = context.edit.as_ref();
    match variable {
        "links.portal" => links.portal.is_some(),
        "links.quote" => links.quote.is_some(),
        "links.contract" => links.contract.is_some(),
        "links.invoice" => links.invoice.is_some(),
        "links.deposit_payment" => links.deposit_payment.is_some(),
        "links.balance_payment" => links.balance_payment.is_some(),
        "links.booking_edit" => links.booking_edit.is_some(),
        "amounts.total" => amounts.total.is_some(),
        "amounts.paid" => amounts.paid.is_some(),
        "amounts.due" => amounts.due.is_some(),
        "amounts.deposit" => amounts.deposit.is_some(),
        "amounts.balance" => amounts.balance.is_some(),
        "documents.quote" => documents.quote.is_some(),
        "documents.contract" => documents.contract.is_some(),
        "documents.invoice" => documents.invoice.is_some(),
        "client.first_name" => context.client.first_name.is_some(),
        "client.last_name" => context.client.last_name.is_some(),
        "client.email" => context.client.email.is_some(),
        "establishment.phone" => context.establishment.phone.is_some(),
        "establishment.email" => context.establishment.email.is_some(),
        "edit.text" => edit.is_some_and(|e| e.text.is_some()),
        v if v.starts_with("stay.") => stay.is_some(),
        v if v.starts_with("edit.") => edit.is_some(),
        _ => true,
    }
}

/// The template context: the `objects` used, in `locale`.
pub(crate) fn context(context: &MailContext, locale: Locale, objects: &[&'static str]) -> Context {
    let mut data = Context::new();
    for object in objects {
        let value = match *object {
            "establishment" => establishment(context),
            "client" => client(context, locale),
            "stay" => stay(context, locale),
            "amounts" => amounts(context, locale),
            "documents" => documents(context),
            "links" => links(context),
            "edit" => edit(context, locale),
            "tags" => tags(context),
            _ => continue,
        };
        data.insert_value(*object, value);
    }
    data
}

fn text(value: Option<&str>) -> Value {
    value.map_or_else(Value::none, Value::from)
}

fn object<const N: usize>(fields: [(&'static str, Value); N]) -> Value {
    let mut map = Map::default();
    for (key, value) in fields {
        map.insert(key.into(), value);
    }
    Value::from(map)
}

fn establishment(context: &MailContext) -> Value {
    let e = &context.establishment;
    object([
        ("name", Value::from(e.name.as_str())),
        ("phone", text(e.phone.as_deref())),
        ("email", text(e.email.as_deref())),
        ("website", text(e.website.as_deref())),
        ("address", Value::from(e.address.one_line())),
    ])
}

fn client(context: &MailContext, locale: Locale) -> Value {
    let c = &context.client;
    let fallback = context.establishment.default_locale;
    let civility = c
        .civility
        .map(|civility| i18n::text(civility.label_id(), &[], locale, fallback));
    object([
        ("civility", text(civility.as_deref())),
        ("first_name", text(c.first_name.as_deref())),
        ("last_name", text(c.last_name.as_deref())),
        ("full_name", Value::from(c.display_name())),
        ("company", text(c.company.as_deref())),
        ("email", text(c.email.as_deref())),
    ])
}

fn stay(context: &MailContext, locale: Locale) -> Value {
    let Some(s) = context.stay.as_ref() else {
        return Value::none();
    };
    let participants: Vec<Value> = s
        .participants
        .iter()
        .map(|p| Value::from(p.full_name()))
        .collect();
    object([
        ("reference", Value::from(s.reference.as_str())),
        ("accommodation", Value::from(s.accommodation.as_str())),
        ("arrival", Value::from(format::date(s.arrival, locale))),
        ("departure", Value::from(format::date(s.departure, locale))),
        ("arrival_time", Value::none()),
        ("nights", Value::from(s.nights())),
        ("people", Value::from(s.headcount())),
        ("participants", Value::from(participants)),
    ])
}

fn amounts(context: &MailContext, locale: Locale) -> Value {
    let a = &context.amounts;
    let money = |m: &Option<Money>| text(m.as_ref().map(|m| format::money(m, locale)).as_deref());
    object([
        ("total", money(&a.total)),
        ("paid", money(&a.paid)),
        ("due", money(&a.due)),
        ("deposit", money(&a.deposit)),
        ("balance", money(&a.balance)),
    ])
}

fn documents(context: &MailContext) -> Value {
    let d = &context.documents;
    object([
        ("quote", text(d.quote.as_deref())),
        ("contract", text(d.contract.as_deref())),
        ("invoice", text(d.invoice.as_deref())),
    ])
}

fn links(context: &MailContext) -> Value {
    let l = &context.links;
    object([
        ("portal", text(l.portal.as_deref())),
        ("quote", text(l.quote.as_deref())),
        ("contract", text(l.contract.as_deref())),
        ("invoice", text(l.invoice.as_deref())),
        ("deposit_payment", text(l.deposit_payment.as_deref())),
        ("balance_payment", text(l.balance_payment.as_deref())),
        ("booking_edit", text(l.booking_edit.as_deref())),
    ])
}

fn edit(context: &MailContext, locale: Locale) -> Value {
    let Some(e) = context.edit.as_ref() else {
        return Value::none();
    };
    let fallback = context.establishment.default_locale;
    let local = e
        .deadline
        .with_timezone(&context.establishment.time_zone.tz())
        .naive_local();
    let deadline = i18n::text(
        "label-date-at-time",
        &[
            ("date", format::date(local.date(), locale).into()),
            ("time", format::time(local.time(), locale).into()),
        ],
        locale,
        fallback,
    );
    let fields: Vec<Value> = e.fields.iter().map(|f| Value::from(f.as_str())).collect();
    object([
        ("deadline", Value::from(deadline)),
        (
            "remaining",
            Value::from(remaining(e.remaining_seconds, locale, fallback)),
        ),
        ("text", text(e.text.as_deref())),
        ("fields", Value::from(fields)),
    ])
}

/// Time left as a guest reads it: days when at least one, else hours, else minutes.
pub(crate) fn remaining(seconds: i64, locale: Locale, fallback: Locale) -> String {
    let seconds = seconds.max(0);
    let (id, count) = if seconds >= 86_400 {
        ("label-remaining-days", seconds / 86_400)
    } else if seconds >= 3_600 {
        ("label-remaining-hours", seconds / 3_600)
    } else {
        ("label-remaining-minutes", seconds / 60)
    };
    i18n::text(id, &[("count", count.into())], locale, fallback)
}

fn tags(context: &MailContext) -> Value {
    let mut map = Map::default();
    for tag in &context.tags {
        map.insert(tag.name.clone().into(), Value::from(tag.value.as_str()));
    }
    Value::from(map)
}
