// `cfg(hutong_split)`, shared by the build scripts of `hutong` and `hutong-page` (included by
// path): the wasm is built to be split into chunks loaded on demand (src/lazy.rs,
// scripts/split.sh). Only for the wasm target in the `split` profile, which the site's release
// build uses (index.html: `data-cargo-profile-release="split"`); every other build (tests,
// `trunk serve`, plain `cargo build`) is one module that needs no post-processing.
//
// Cargo tells a build script its profile only as "debug" or "release", so the profile's own name
// is read from the output directory (`<target>/<triple>/<profile>/build/<pkg>-<hash>/out`).
// `HUTONG_SPLIT=0|1` overrides it.

/// Declares `cfg(hutong_split)` and turns it on for this build when it is the split one; true then.
fn split_cfg() -> bool {
    println!("cargo::rustc-check-cfg=cfg(hutong_split)");
    println!("cargo::rerun-if-env-changed=HUTONG_SPLIT");
    let wasm = std::env::var("CARGO_CFG_TARGET_ARCH").as_deref() == Ok("wasm32");
    let out_dir = std::env::var("OUT_DIR").unwrap_or_default();
    let profile = std::path::Path::new(&out_dir)
        .ancestors()
        .nth(3)
        .and_then(|p| p.file_name())
        .and_then(|n| n.to_str())
        .map(str::to_owned);
    let split = match std::env::var("HUTONG_SPLIT").as_deref() {
        Ok("0") => false,
        Ok("1") => true,
        _ => profile.as_deref() == Some("split"),
    };
    if wasm && split {
        println!("cargo::rustc-cfg=hutong_split");
    }
    wasm && split
}
