//! Build script: napi-rs sets up the linking of the Node addon.
fn main() {
    napi_build::setup();
}
