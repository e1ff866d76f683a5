//! `hutong-assets DIR`: writes the site's build-time files into a folder: the events' long texts
//! (`texts.bin`, which the split build fetches: `hutong_page::texts`), the sharing preview
//! (`preview.png`, 1200×630) and the manifest's raster icons (`icon-192.png`, `icon-512.png`).
//! Run at build time by `scripts/assets.sh` (trunk's post_build hook) into trunk's staging
//! folder. Native only.

mod preview;

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    let Some(dir) = std::env::args_os().nth(1) else {
        eprintln!("usage: hutong-assets DIR");
        std::process::exit(2);
    };
    let dir = std::path::Path::new(&dir);
    let texts = dir.join("texts.bin");
    if let Err(e) = std::fs::write(&texts, hutong_core::embedded::texts()) {
        eprintln!("hutong-assets: {}: {e}", texts.display());
        std::process::exit(1);
    }
    if let Err(e) = preview::write_all(dir) {
        eprintln!("hutong-assets: {e}");
        std::process::exit(1);
    }
}

#[cfg(target_arch = "wasm32")]
fn main() {}
