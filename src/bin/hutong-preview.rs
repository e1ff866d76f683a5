//! Writes the sharing preview (`preview.png`, 1200×630), the manifest's raster icons
//! (`icon-192.png`, `icon-512.png`) and the events' long texts (`texts.bin`, which the split
//! build fetches: `src/texts.rs`) into a folder: `hutong-preview DIR`. Run at build time by
//! `scripts/preview.sh` (trunk's post_build hook) into trunk's staging folder. Native only.

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    let Some(dir) = std::env::args_os().nth(1) else {
        eprintln!("usage: hutong-preview DIR");
        std::process::exit(2);
    };
    let dir = std::path::Path::new(&dir);
    let texts = dir.join("texts.bin");
    if let Err(e) = std::fs::write(&texts, hutong_core::embedded::texts()) {
        eprintln!("hutong-preview: {}: {e}", texts.display());
        std::process::exit(1);
    }
    if let Err(e) = hutong::preview::write_all(dir) {
        eprintln!("hutong-preview: {e}");
        std::process::exit(1);
    }
}

#[cfg(target_arch = "wasm32")]
fn main() {}
