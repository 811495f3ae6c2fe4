//! The values a mail shows, formatted in its language (ICU4X) and labelled from the catalogues.
//! Only the objects a template uses are built.

use tera::{Context, Map, Value};

use crate::error::{Error, Result};
use crate::i18n::{self, Locale, format};
use crate::mail::check::Use;
use crate::mail::tags::{OBJECTS, Tag};
use crate::mail::{MailContext, MailEdit};
use crate::money::Money;
use crate::stay::Stay;

/// Computes one field of the context.
type Getter = fn(&MailContext, Locale) -> Value;

/// One field to build, and the tag that makes it required (its value must be present), with
/// what it stands for.
#[derive(Debug, Clone)]
pub(crate) struct Field {
    name: &'static str,
    get: Getter,
    required_by: Option<(&'static str, &'static str)>,
}

/// What a field stands for when the mail is wrong without it; `None` for a value that may be
/// absent (a civility, a first name, a phone): its tag renders empty.
fn essential(object: &str, field: &str) -> Option<&'static str> {
    match (object, field) {
        ("links", _) => Some("link"),
        ("amounts", _) => Some("amount"),
        ("documents", _) => Some("document"),
        ("stay", "arrival_time") => None,
        ("stay", _) => Some("stay"),
        ("edit", "deadline" | "remaining" | "fields") => Some("deadline"),
        _ => None,
    }
}

/// An object a template uses and the fields of it to build.
pub(crate) type Need = (&'static str, Vec<Field>);

/// What to build for these uses, worked out once when the template is compiled: the string
/// matching happens here, not per mail.
pub(crate) fn needs(uses: &[Use], tags: &[Tag]) -> Vec<Need> {
    OBJECTS
        .iter()
        .filter(|(object, _)| *object != "loop" && uses.iter().any(|(o, _)| o == object))
        .map(|(object, fields)| {
            let wanted = fields.iter().filter(|field| {
                uses.contains(&(object, None)) || uses.contains(&(object, Some(**field)))
            });
            let fields = wanted
                .filter_map(|field| {
                    let get = getter(object, field)?;
                    let required_by = essential(object, field).and_then(|what| {
                        tags.iter()
                            .find(|t| t.variable.split_once('.') == Some((object, field)))
                            .map(|t| (t.name, what))
                    });
                    Some(Field {
                        name: field,
                        get,
                        required_by,
                    })
                })
                .collect();
            (*object, fields)
        })
        .collect()
}

/// The template context: the objects and fields `needs` lists, in `locale`; a tag's value
/// absent is `mail.value_missing`.
pub(crate) fn context(
    context: &MailContext,
    locale: Locale,
    needs: &[Need],
    host_tags: &[String],
) -> Result<Context> {
    let mut data = Context::new();
    for (object, fields) in needs {
        let value = if *object == "tags" {
            tags(context, host_tags)?
        } else {
            let mut map = Map::with_capacity(fields.len());
            for field in fields {
                let value = (field.get)(context, locale);
                if let (Some((tag, what)), true) = (field.required_by, value.is_none()) {
                    return Err(Error::MailValueMissing {
                        tag: format!("[{tag}]"),
                        what: what.into(),
                    });
                }
                map.insert(field.name.into(), value);
            }
            Value::from(map)
        };
        data.insert_value(*object, value);
    }
    Ok(data)
}

/// How to compute `object.field`.
fn getter(object: &str, field: &str) -> Option<Getter> {
    let get: Getter = match (object, field) {
        ("establishment", "name") => |c, _| Value::from(c.establishment.name.as_str()),
        ("establishment", "phone") => |c, _| text(c.establishment.phone.as_deref()),
        ("establishment", "email") => |c, _| text(c.establishment.email.as_deref()),
        ("establishment", "website") => |c, _| text(c.establishment.website.as_deref()),
        ("establishment", "address") => |c, l| {
            let home = c.establishment.address.country;
            Value::from(c.establishment.address.written(home, l))
        },
        ("client", "civility") => |c, locale| {
            let fallback = c.establishment.default_locale;
            let label = c
                .client
                .civility
                .map(|civility| i18n::text(civility.label_id(), &[], locale, fallback));
            text(label.as_deref())
        },
        ("client", "first_name") => |c, _| text(c.client.first_name.as_deref()),
        ("client", "last_name") => |c, _| text(c.client.last_name.as_deref()),
        ("client", "full_name") => |c, _| Value::from(c.client.display_name()),
        ("client", "company") => |c, _| text(c.client.company.as_deref()),
        ("client", "email") => |c, _| text(c.client.email.as_deref()),
        ("client", "address") => |c, l| {
            let address = c.client.address.written(c.establishment.address.country, l);
            text((!address.is_empty()).then_some(address.as_str()))
        },
        ("stay", "reference") => |c, _| stay(c, |s| Value::from(s.reference.as_str())),
        ("stay", "accommodation") => |c, _| stay(c, |s| Value::from(s.accommodation.as_str())),
        ("stay", "arrival") => |c, l| stay(c, |s| Value::from(format::date(s.arrival, l))),
        ("stay", "departure") => |c, l| stay(c, |s| Value::from(format::date(s.departure, l))),
        ("stay", "arrival_time") => |_, _| Value::none(),
        ("stay", "nights") => |c, _| stay(c, |s| Value::from(s.nights())),
        ("stay", "people") => |c, _| stay(c, |s| Value::from(s.headcount())),
        ("stay", "occupants") => |c, _| {
            stay(c, |s| {
                Value::from(s.occupants(&c.client.display_name()).join(", "))
            })
        },
        ("stay", "participants") => |c, _| {
            stay(c, |s| {
                let names: Vec<Value> = s
                    .participants
                    .iter()
                    .map(|p| Value::from(p.full_name()))
                    .collect();
                Value::from(names)
            })
        },
        ("amounts", "total") => |c, l| money(c.amounts.total.as_ref(), l),
        ("amounts", "paid") => |c, l| money(c.amounts.paid.as_ref(), l),
        ("amounts", "due") => |c, l| money(c.amounts.due.as_ref(), l),
        ("amounts", "deposit") => |c, l| money(c.amounts.deposit.as_ref(), l),
        ("amounts", "balance") => |c, l| money(c.amounts.balance.as_ref(), l),
        ("documents", "quote") => |c, _| text(c.documents.quote.as_deref()),
        ("documents", "contract") => |c, _| text(c.documents.contract.as_deref()),
        ("documents", "invoice") => |c, _| text(c.documents.invoice.as_deref()),
        ("links", "portal") => |c, _| text(c.links.portal.as_deref()),
        ("links", "quote") => |c, _| text(c.links.quote.as_deref()),
        ("links", "contract") => |c, _| text(c.links.contract.as_deref()),
        ("links", "invoice") => |c, _| text(c.links.invoice.as_deref()),
        ("links", "deposit_payment") => |c, _| text(c.links.deposit_payment.as_deref()),
        ("links", "balance_payment") => |c, _| text(c.links.balance_payment.as_deref()),
        ("links", "booking_edit") => |c, _| text(c.links.booking_edit.as_deref()),
        ("links", "account_verify") => |c, _| text(c.links.account_verify.as_deref()),
        ("links", "password_reset") => |c, _| text(c.links.password_reset.as_deref()),
        ("edit", "deadline") => |c, l| edit(c, |e| Value::from(deadline(c, e, l))),
        ("edit", "remaining") => |c, l| {
            let fallback = c.establishment.default_locale;
            edit(c, |e| {
                Value::from(format::duration_or(e.remaining_seconds, l, fallback))
            })
        },
        ("edit", "text") => |c, _| edit(c, |e| text(e.text.as_deref())),
        ("edit", "fields") => |c, _| {
            edit(c, |e| {
                let fields: Vec<Value> = e.fields.iter().map(|f| Value::from(f.as_str())).collect();
                Value::from(fields)
            })
        },
        _ => return None,
    };
    Some(get)
}

fn stay(context: &MailContext, get: impl Fn(&Stay) -> Value) -> Value {
    context.stay.as_ref().map_or_else(Value::none, get)
}

fn edit(context: &MailContext, get: impl Fn(&MailEdit) -> Value) -> Value {
    context.edit.as_ref().map_or_else(Value::none, get)
}

fn money(amount: Option<&Money>, locale: Locale) -> Value {
    amount.map_or_else(Value::none, |m| Value::from(format::money(m, locale)))
}

/// The deadline in the establishment's zone: « 4 juillet 2026 à 23:59 » (see
/// [`format::deadline`]).
fn deadline(context: &MailContext, edit: &MailEdit, locale: Locale) -> String {
    format::deadline_or(
        edit.deadline,
        context.establishment.time_zone.tz(),
        locale,
        context.establishment.default_locale,
    )
}

fn text(value: Option<&str>) -> Value {
    value.map_or_else(Value::none, Value::from)
}

fn tags(context: &MailContext, used: &[String]) -> Result<Value> {
    let mut map = Map::with_capacity(context.tags.len());
    for tag in &context.tags {
        map.insert(tag.name.clone().into(), Value::from(tag.value.as_str()));
    }
    if let Some(missing) = used
        .iter()
        .find(|name| !context.tags.iter().any(|t| &t.name == *name))
    {
        return Err(Error::MailValueMissing {
            tag: format!("[{missing}]"),
            what: "tag".into(),
        });
    }
    Ok(Value::from(map))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_variable_a_template_may_use_has_a_value() {
        for (object, fields) in OBJECTS {
            for field in *fields {
                assert!(
                    getter(object, field).is_some() || *object == "loop",
                    "{object}.{field}"
                );
            }
        }
    }
}
