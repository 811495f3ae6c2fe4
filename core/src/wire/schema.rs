//! The JSON Schema of every operation and type (`schema` feature): what the bindings generate
//! their stubs and docs from, and convert decimals and dates by.

use serde_json::{Value, json};

use super::operations::OPERATIONS;

/// The JSON Schema (draft 2020-12) of every operation and type: `{"operations": [{"name",
/// "function", "doc", "args", "returns"}], "$defs": {...}}`. Decimals carry `"format":
/// "decimal"`, calendar dates `"date"`, instants `"date-time"`.
///
/// ```
/// let s = hospes::wire::schema();
/// assert_eq!(s["operations"][0]["name"], "client.normalize");
/// assert!(s["$defs"]["Client"].is_object());
/// ```
pub fn schema() -> Value {
    let mut generator = schemars::generate::SchemaSettings::draft2020_12().into_generator();
    let operations: Vec<Value> = OPERATIONS
        .iter()
        .map(|op| {
            let (args, returns) = (op.schema)(&mut generator);
            json!({
                "name": op.name,
                "function": op.function,
                "doc": op.doc.trim(),
                "args": args,
                "returns": returns,
            })
        })
        .collect();
    let mut defs = generator.take_definitions(true);
    // Argument structs are named after their function: move them out of the type list.
    let mut operations = operations;
    for op in &mut operations {
        let Some(function) = op["function"].as_str().map(str::to_owned) else {
            continue;
        };
        if let Some(args) = defs.remove(&function) {
            op["args"] = args;
        }
    }
    json!({ "operations": operations, "$defs": defs })
}

mod impls {
    use std::borrow::Cow;

    use schemars::{JsonSchema, Schema, SchemaGenerator, json_schema};

    use crate::{Country, Currency, TimeZone, VatRate};

    macro_rules! string_schema {
        ($ty:ty, $name:literal, $format:literal, $description:literal) => {
            impl JsonSchema for $ty {
                fn schema_name() -> Cow<'static, str> {
                    $name.into()
                }
                fn inline_schema() -> bool {
                    true
                }
                fn json_schema(_: &mut SchemaGenerator) -> Schema {
                    json_schema!({ "type": "string", "format": $format, "description": $description })
                }
            }
        };
    }

    string_schema!(
        VatRate,
        "VatRate",
        "decimal",
        "A VAT rate in percent, 0 to 100 excluded: \"5.5\"."
    );
    string_schema!(
        Currency,
        "Currency",
        "currency",
        "An ISO 4217 currency code: \"EUR\"."
    );
    string_schema!(
        Country,
        "Country",
        "country",
        "An ISO 3166-1 alpha-2 country code: \"FR\"."
    );
    string_schema!(
        TimeZone,
        "TimeZone",
        "time-zone",
        "An IANA time zone name: \"Europe/Paris\"."
    );
}
