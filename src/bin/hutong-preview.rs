//! Writes the sharing preview (`preview.png`, 1200×630) and the manifest's raster icons
//! (`icon-192.png`, `icon-512.png`) into a folder: `hutong-preview DIR`. Run at build time by
//! `scripts/preview.sh` (trunk's post_build hook) into trunk's staging folder. Native only.

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    let Some(dir) = std::env::args_os().nth(1) else {
        eprintln!("usage: hutong-preview DIR");
        std::process::exit(2);
    };
    if let Err(e) = hutong::preview::write_all(std::path::Path::new(&dir)) {
        eprintln!("hutong-preview: {e}");
        std::process::exit(1);
    }
}

#[cfg(target_arch = "wasm32")]
fn main() {}
