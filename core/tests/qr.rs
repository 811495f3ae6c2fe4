//! QR codes of the client's space link (issue 20 §4), each test named after what it proves: the
//! SVG draws exactly the modules of the code, the same text always gives the same image, and
//! every hostile text is refused with a typed error, never a panic.
#![allow(clippy::unwrap_used, clippy::indexing_slicing, clippy::expect_used)] // test code

mod common;

use hospes::qr::{MAX_TEXT_LEN, QUIET_ZONE, Qr};
use proptest::prelude::*;
use sha2::{Digest, Sha256};

/// The client's permanent space link of tests/vectors/link.json, as `link.url` writes it.
const SPACE_LINK: &str = concat!(
    "https://portail.camping-des-pins.fr/?t=v4.local.S5tNCyf3PatMjOfxdzqhQKcJ7-aNqYWnCKDN9lOHFAExc",
    "ulODfSLoGwiZ7uspYBPsyU22KT-mMkYrzpY6MT3_DvsZeznt3NEAD197CtpcvoboiLc3RpRQx2oOZ1QF9rAFu8xpJzDzp",
    "kNS46S4dcHCuemDKNl1c4xYG0ePbIeq0DiUjhjXPVhJ7rUnkPdThhBc3VzJ40.eyJraWQiOiJrNC5saWQuaVZ0WVFEanI",
    "1Z0VpakNTakpDM2ZRYUptN25DZVFTZWF0eTBKaXh5OGRic2siLCJjaWQiOiJDLTEwNDIiLCJwdXIiOiJwb3J0YWwifQ"
);

/// The modules an SVG of [`Qr::svg`] paints dark, read back from its one path: each
/// `M{x} {y}h{w}v1h-{w}z` a run of `w` modules. Panics on anything else in the path.
fn painted(svg: &str) -> (usize, Vec<bool>) {
    let size: usize = svg
        .split_once(r#"viewBox="0 0 "#)
        .and_then(|(_, rest)| rest.split_once(' '))
        .map(|(n, _)| n.parse().unwrap())
        .unwrap();
    let (_, path) = svg.split_once(r#"<path d=""#).unwrap();
    let (path, tail) = path.split_once('"').unwrap();
    assert_eq!(tail, "/></svg>");
    let mut dark = vec![false; size * size];
    for run in path.split('z').filter(|r| !r.is_empty()) {
        let run = run.strip_prefix('M').unwrap();
        let (x, rest) = run.split_once(' ').unwrap();
        let (y, rest) = rest.split_once('h').unwrap();
        let (w, rest) = rest.split_once("v1h-").unwrap();
        assert_eq!(w, rest, "a run closes where it started");
        let (x, y, w): (usize, usize, usize) =
            (x.parse().unwrap(), y.parse().unwrap(), w.parse().unwrap());
        for column in x..x + w {
            assert!(
                !dark[y * size + column],
                "module {column},{y} painted twice"
            );
            dark[y * size + column] = true;
        }
    }
    (size, dark)
}

fn matrix(qr: &Qr) -> Vec<bool> {
    let n = qr.size();
    (0..n * n).map(|i| qr.is_dark(i % n, i / n)).collect()
}

#[test]
fn the_svg_paints_exactly_the_dark_modules_of_the_code() {
    let qr = Qr::encode(SPACE_LINK).unwrap();
    let (size, dark) = painted(&qr.svg());
    assert_eq!(size, qr.size());
    assert_eq!(dark, matrix(&qr));
    // A 370-byte link is version 15 (412 bytes at level M; 362 in version 14): 77 modules a
    // side, and about half of them dark.
    assert_eq!((qr.version(), qr.size()), (15, 77 + 2 * QUIET_ZONE));
    let count = dark.iter().filter(|d| **d).count();
    assert!((2_500..3_500).contains(&count), "{count} dark modules");
}

#[test]
fn a_short_link_gives_the_same_svg_every_time() {
    let svg = Qr::encode("https://portail.camping-des-pins.fr/")
        .unwrap()
        .svg();
    assert_eq!(
        svg,
        Qr::encode("https://portail.camping-des-pins.fr/")
            .unwrap()
            .svg()
    );
    assert!(svg.starts_with(concat!(
        r#"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 37 37" shape-rendering="crispEdges">"#,
        r##"<rect width="37" height="37" fill="#fff"/><path d="M4 4h7v1h-7z"##
    )));
    // Frozen: a change of version, mask or writing shows up here (and in tests/vectors/link.json).
    let hash: String = Sha256::digest(svg.as_bytes())
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect();
    assert_eq!(
        (svg.len(), hash.as_str()),
        (
            3_297,
            "78eb1cb7aa926dc1aef0101a11acde1585edfe78adfdd2f02fc0fdaa2aaf90fd"
        )
    );
}

#[test]
fn a_space_link_svg_stays_small() {
    // One rectangle a run: some 1 500 runs for the 370-byte link.
    let svg = Qr::encode(SPACE_LINK).unwrap().svg();
    assert!(svg.len() < 24_000, "{} bytes", svg.len());
}

#[test]
fn an_empty_text_or_a_control_character_is_refused() {
    for (text, detail) in [
        ("", "the text is empty"),
        (
            "https://x.fr/\n",
            "a control character (U+000A) at character 13",
        ),
        (
            "https://x.fr/\u{1b}[2J",
            "a control character (U+001B) at character 13",
        ),
        ("\u{0}", "a control character (U+0000) at character 0"),
        (
            "https://x.fr/\u{85}",
            "a control character (U+0085) at character 13",
        ),
    ] {
        let err = Qr::encode(text).unwrap_err();
        assert_eq!(err.code(), "link.qr_invalid", "{text:?}");
        assert_eq!(err.to_string(), format!("no QR code drawn: {detail}"));
    }
}

#[test]
fn a_text_longer_than_a_qr_code_holds_is_refused_with_its_length_and_the_maximum() {
    let err = Qr::encode(&"a".repeat(MAX_TEXT_LEN + 1)).unwrap_err();
    assert_eq!(err.code(), "link.qr_too_long");
    assert_eq!(
        err.message(hospes::Locale::Fr),
        "Un texte de 2332 octets ne tient pas dans un code QR (2331 au plus)."
    );
    // Bytes, not characters: 1 166 « é » are 2 332 bytes.
    let err = Qr::encode(&"é".repeat(MAX_TEXT_LEN / 2 + 1)).unwrap_err();
    assert_eq!(err.code(), "link.qr_too_long");
    // A ten-megabyte text is refused by its length alone, before any other work.
    let huge = "\u{0}".repeat(10_000_000);
    assert_eq!(Qr::encode(&huge).unwrap_err().code(), "link.qr_too_long");
    // Exactly the maximum encodes, whatever the bytes: the largest symbol, 177 modules a side.
    for text in [
        "a".repeat(MAX_TEXT_LEN),
        "0".repeat(MAX_TEXT_LEN),
        "€".repeat(777),
    ] {
        assert_eq!(Qr::encode(&text).unwrap().version(), 40);
    }
}

proptest! {
    #![proptest_config(common::proptest_config())]

    /// Any text encodes, or is refused with one of the two codes: never a panic; and the SVG of
    /// a code paints exactly its dark modules.
    #[test]
    fn any_text_encodes_or_is_refused_with_a_typed_error(text in "\\PC{0,40}|[\\x00-\\x7f]{0,300}|\\PC{600,800}") {
        match Qr::encode(&text) {
            Ok(qr) => {
                prop_assert!(!text.is_empty() && text.len() <= MAX_TEXT_LEN);
                let (size, dark) = painted(&qr.svg());
                prop_assert_eq!(size, qr.size());
                prop_assert_eq!(dark, matrix(&qr));
            }
            Err(err) => prop_assert!(
                ["link.qr_invalid", "link.qr_too_long"].contains(&err.code()),
                "{}", err
            ),
        }
    }
}
