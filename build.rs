//! `cfg(hutong_split)` for the app (`split_cfg.rs`), and the linker's relocations that
//! scripts/split.sh needs to split the wasm.

include!("split_cfg.rs");

fn main() {
    println!("cargo::rerun-if-changed=build.rs");
    println!("cargo::rerun-if-changed=split_cfg.rs");
    if split_cfg() {
        // wasm-split needs the linker's relocations to know which code and data each part uses.
        println!("cargo::rustc-link-arg-bins=--emit-relocs");
    }
}
