//! Any bytes as the JSON of a record, read the strict way hospes reads every input (records from
//! objects only, 32 levels, no control characters, dates YYYY-MM-DD): a coded error or a value,
//! never a panic, and a value read is written back and read again to the same value.
#![no_main]

use libfuzzer_sys::fuzz_target;

fn round_trip<T>(text: &str)
where
    T: serde::de::DeserializeOwned + serde::Serialize + PartialEq + std::fmt::Debug,
{
    match hospes::wire::from_json::<T>(text) {
        Ok(value) => {
            let again = hospes::wire::to_json(&value).expect("a value read is written");
            let back = hospes::wire::from_json::<T>(&again).expect("a value written is read");
            assert_eq!(back, value);
        }
        Err(err) => assert!(err.code().starts_with("input.") || err.family() != hospes::error::ErrorFamily::Internal, "{err}"),
    }
}

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    round_trip::<hospes::Client>(&text);
    round_trip::<hospes::Stay>(&text);
    round_trip::<hospes::Money>(&text);
    round_trip::<hospes::event::Event>(&text);
    let _ = hospes::codec::parse_date(&text);
});
