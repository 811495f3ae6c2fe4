//! Runs every shared conformance vector in `tests/vectors/` through `hospes::wire::call`, the
//! same entry point the Python and Node bindings use; the Kotlin suite runs them through its
//! typed functions. A vector names an operation, its input, and either the exact expected
//! output (`expect`), the SHA-256 of the document bytes it returns (`expect_sha256`) or of the
//! UTF-8 text it returns (`expect_text_sha256`, the e-invoice XML), or the expected error code
//! (`error`).

#![allow(clippy::unwrap_used, clippy::panic, clippy::indexing_slicing)] // test code: a failure is a test failure

use std::path::PathBuf;

use serde_json::Value;

fn vector_files() -> Vec<PathBuf> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../tests/vectors");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", dir.display()))
        .map(|entry| entry.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .collect();
    files.sort();
    files
}

#[test]
fn every_shared_vector_passes_in_rust() {
    let mut count = 0;
    let mut failures = Vec::new();
    for file in vector_files() {
        let doc: Value = serde_json::from_str(&std::fs::read_to_string(&file).unwrap()).unwrap();
        for vector in doc["vectors"].as_array().unwrap() {
            count += 1;
            let name = vector["name"].as_str().unwrap();
            let op = vector["op"].as_str().unwrap();
            let out: Value =
                serde_json::from_str(&hospes::wire::call(op, &vector["input"].to_string()))
                    .unwrap();
            let verdict = match (vector.get("expect"), vector.get("error")) {
                // Random outputs (a new key): only their form is fixed.
                (None, None) if vector.get("expect_prefix").is_some() => {
                    let prefix = vector["expect_prefix"].as_str().unwrap();
                    out["ok"]
                        .as_str()
                        .is_some_and(|s| s.starts_with(prefix))
                        .then_some(())
                        .ok_or_else(|| {
                            format!("expected a string starting with {prefix}, got {out}")
                        })
                }
                // Documents: the SHA-256 of the bytes (base64 on the wire).
                (None, None) if vector.get("expect_sha256").is_some() => {
                    let expect = vector["expect_sha256"].as_str().unwrap();
                    match out["ok"]
                        .as_str()
                        .map(<base64ct::Base64 as base64ct::Encoding>::decode_vec)
                    {
                        Some(Ok(bytes)) => {
                            let got: String = <sha2::Sha256 as sha2::Digest>::digest(&bytes)
                                .iter()
                                .map(|b| format!("{b:02x}"))
                                .collect();
                            (got == expect)
                                .then_some(())
                                .ok_or_else(|| format!("expected sha256 {expect}, got {got}"))
                        }
                        _ => Err(format!("expected document bytes, got {out}")),
                    }
                }
                // Text documents (the e-invoice XML): the SHA-256 of its UTF-8 bytes.
                (None, None) if vector.get("expect_text_sha256").is_some() => {
                    let expect = vector["expect_text_sha256"].as_str().unwrap();
                    match out["ok"].as_str() {
                        Some(text) => {
                            let got: String = <sha2::Sha256 as sha2::Digest>::digest(text)
                                .iter()
                                .map(|b| format!("{b:02x}"))
                                .collect();
                            (got == expect)
                                .then_some(())
                                .ok_or_else(|| format!("expected text sha256 {expect}, got {got}"))
                        }
                        None => Err(format!("expected a text document, got {out}")),
                    }
                }
                (Some(expect), None) => (out.get("ok") == Some(expect))
                    .then_some(())
                    .ok_or_else(|| format!("expected {expect}\n   got {out}")),
                (None, Some(code)) => (out["error"]["code"] == *code)
                    .then_some(())
                    .ok_or_else(|| format!("expected error {code}, got {out}")),
                _ => Err("a vector needs exactly one of `expect` and `error`".to_owned()),
            };
            if let Err(why) = verdict {
                failures.push(format!(
                    "{} › {name}: {why}",
                    file.file_name().unwrap().to_string_lossy()
                ));
            }
        }
    }
    assert!(count >= 30, "only {count} vectors found");
    assert!(
        failures.is_empty(),
        "{} of {count} vectors failed:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn every_operation_is_covered_by_a_vector() {
    let mut used = std::collections::BTreeSet::new();
    for file in vector_files() {
        let doc: Value = serde_json::from_str(&std::fs::read_to_string(&file).unwrap()).unwrap();
        for vector in doc["vectors"].as_array().unwrap() {
            used.insert(vector["op"].as_str().unwrap().to_owned());
        }
    }
    let missing: Vec<_> = hospes::wire::OPERATIONS
        .iter()
        .map(|o| o.name)
        .filter(|n| !used.contains(*n))
        .collect();
    assert!(
        missing.is_empty(),
        "operations without a vector: {missing:?}"
    );
}
