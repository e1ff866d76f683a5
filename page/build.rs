//! `cfg(hutong_split)` (`../split_cfg.rs`): `texts.rs` starts from the dataset without its long
//! texts in the split build.

include!("../split_cfg.rs");

fn main() {
    println!("cargo::rerun-if-changed=build.rs");
    println!("cargo::rerun-if-changed=../split_cfg.rs");
    split_cfg();
}
