//! The `uniffi-bindgen` command at the uniffi version of hospes-mobile: `make bindings-generate`
//! runs it to write the Kotlin and Swift bindings.
fn main() {
    uniffi::uniffi_bindgen_main()
}
