//! The sharing preview and the app icons, drawn at build time (native only: `tiny-skia` is not a
//! dependency of the wasm build). The preview is the platform network from the real model in 2014
//! beside 2024, at the network's own positions (`network::layout`) and in its colours, with the
//! years drawn as strokes (no font is needed, so the build needs no font files and no browser).
//! `hutong-assets` (main.rs) writes the files; `scripts/assets.sh` runs it as trunk's hook.

use std::path::Path;

use hutong_core::date::parse_day;
use hutong_core::route::{Model, Off, Word};
use hutong_core::Dataset;
use tiny_skia::{Color, FillRule, LineCap, Paint, PathBuilder, Pixmap, Rect, Stroke, StrokeDash, Transform};

use hutong_page::network::layout::{dashes, layout, verdict_colour, HEIGHT, OWNER_COLOURS, WIDTH};

/// The Open Graph image's size (the size the large link cards use).
pub const PREVIEW_SIZE: (u32, u32) = (1200, 630);
/// The two days drawn side by side.
pub const PREVIEW_DAYS: [&str; 2] = ["2014-06-01", "2024-10-01"];
/// The manifest's raster icons (square).
pub const ICON_SIZES: [u32; 2] = [192, 512];

const PAPER: &str = "#fbf8f2";
const INK: &str = "#1f1b16";
const ACCENT: &str = "#7a2e1f";
const CREAM: &str = "#f6efe3";
const LINE: &str = "#e3dccf";

fn colour(hex: &str) -> Color {
    let v = u32::from_str_radix(hex.trim_start_matches('#'), 16).unwrap_or(0);
    Color::from_rgba8((v >> 16) as u8, (v >> 8) as u8, v as u8, 255)
}

fn paint(hex: &str) -> Paint<'static> {
    let mut p = Paint::default();
    p.set_color(colour(hex));
    p.anti_alias = true;
    p
}

fn round_stroke(width: f32) -> Stroke {
    Stroke { width, line_cap: LineCap::Round, ..Stroke::default() }
}

/// The preview: the network on each of `PREVIEW_DAYS`, side by side, under a band in the site's
/// colour with its mark, and the verdict colours as a legend.
pub fn preview(data: &Dataset) -> Pixmap {
    let (w, h) = PREVIEW_SIZE;
    let mut pix = Pixmap::new(w, h).expect("a non-empty size");
    pix.fill(colour(PAPER));
    // The band and the mark (the icon's three bars and a stem).
    pix.fill_rect(
        Rect::from_xywh(0.0, 0.0, w as f32, 14.0).expect("rect"),
        &paint(ACCENT),
        Transform::identity(),
        None,
    );
    mark(&mut pix, 34.0, 34.0, 64.0);

    let model = Model::new(data, &Off::new());
    let channels = model.channels();
    let (nodes, edges) = layout(data, &channels);
    // Each panel (540 × 440, below its year) shows the layout's circle of platforms (radius 230
    // around the picture's centre; the names are left out), scaled to fill it.
    let (cx, cy, reach) = (WIDTH as f32 / 2.0, HEIGHT as f32 / 2.0, 245.0f32);
    let scale = 420.0 / (2.0 * reach);
    for (k, day) in PREVIEW_DAYS.iter().enumerate() {
        let day = parse_day(day).expect("a valid day");
        let (ox, oy) = (30.0 + k as f32 * 600.0, 140.0);
        let panel = Rect::from_xywh(ox, oy, 540.0, 440.0).expect("rect");
        pix.fill_rect(panel, &paint("#ffffff"), Transform::identity(), None);
        let at = Transform::from_row(scale, 0.0, 0.0, scale, ox + 270.0 - cx * scale, oy + 220.0 - cy * scale);
        // Open channels first, walls over them (as the page draws many edges).
        let order = [Word::Direct, Word::Undecided, Word::Announced, Word::Partial, Word::Workaround, Word::Blocked];
        for word in order {
            for e in &edges {
                let Some((verdict, _)) = model.channel_at(&e.id, day) else { continue };
                if verdict.word() != word {
                    continue;
                }
                let [(x1, y1), (qx, qy), (x2, y2)] = e.curve;
                let mut pb = PathBuilder::new();
                pb.move_to(x1 as f32, y1 as f32);
                pb.quad_to(qx as f32, qy as f32, x2 as f32, y2 as f32);
                let Some(path) = pb.finish() else { continue };
                let mut stroke = round_stroke(if word == Word::Direct { 3.4 } else { 2.6 });
                stroke.line_cap = LineCap::Butt;
                let d: Vec<f32> =
                    dashes(word).split(' ').filter_map(|x| x.parse::<f32>().ok()).map(|x| x * 1.6).collect();
                if d.len() == 2 {
                    stroke.dash = StrokeDash::new(d, 0.0);
                }
                pix.stroke_path(&path, &paint(verdict_colour(word)), &stroke, at, None);
            }
        }
        for n in &nodes {
            let Some(circle) = PathBuilder::from_circle(n.x as f32, n.y as f32, 9.0) else { continue };
            pix.fill_path(
                &circle,
                &paint(OWNER_COLOURS[n.owner_index % OWNER_COLOURS.len()]),
                FillRule::Winding,
                at,
                None,
            );
            pix.stroke_path(&circle, &paint("#ffffff"), &round_stroke(2.5), at, None);
        }
        // The year above its panel.
        let year = PREVIEW_DAYS[k][..4].to_string();
        digits(&mut pix, &year, ox + 190.0, 40.0, 60.0, INK);
    }
    // A line between the panels, and the legend: each verdict's colour as a short stroke.
    let mut pb = PathBuilder::new();
    pb.move_to(600.0, 150.0);
    pb.line_to(600.0, 570.0);
    if let Some(p) = pb.finish() {
        pix.stroke_path(&p, &paint(LINE), &round_stroke(2.0), Transform::identity(), None);
    }
    let legend = [Word::Direct, Word::Workaround, Word::Partial, Word::Announced, Word::Blocked, Word::Undecided];
    for (i, word) in legend.into_iter().enumerate() {
        let x = 330.0 + i as f32 * 96.0;
        let mut pb = PathBuilder::new();
        pb.move_to(x, 604.0);
        pb.line_to(x + 60.0, 604.0);
        if let Some(p) = pb.finish() {
            pix.stroke_path(&p, &paint(verdict_colour(word)), &round_stroke(8.0), Transform::identity(), None);
        }
    }
    pix
}

/// The site's mark (web/icon.svg: a rounded square with three bars and a stem) at `(x, y)`, `size`
/// wide.
fn mark(pix: &mut Pixmap, x: f32, y: f32, size: f32) {
    let k = size / 32.0;
    let at = Transform::from_row(k, 0.0, 0.0, k, x, y);
    let mut pb = PathBuilder::new();
    // A square with corners of radius 6 (of 32), as four lines and four quarter curves.
    let (r, s) = (6.0f32, 32.0f32);
    pb.move_to(r, 0.0);
    pb.line_to(s - r, 0.0);
    pb.quad_to(s, 0.0, s, r);
    pb.line_to(s, s - r);
    pb.quad_to(s, s, s - r, s);
    pb.line_to(r, s);
    pb.quad_to(0.0, s, 0.0, s - r);
    pb.line_to(0.0, r);
    pb.quad_to(0.0, 0.0, r, 0.0);
    pb.close();
    if let Some(p) = pb.finish() {
        pix.fill_path(&p, &paint(ACCENT), FillRule::Winding, at, None);
    }
    let mut pb = PathBuilder::new();
    for y in [9.0, 16.0, 23.0] {
        pb.move_to(7.0, y);
        pb.line_to(25.0, y);
    }
    pb.move_to(16.0, 9.0);
    pb.line_to(16.0, 23.0);
    if let Some(p) = pb.finish() {
        pix.stroke_path(&p, &paint(CREAM), &round_stroke(3.0), at, None);
    }
}

/// Draws decimal digits as seven-segment strokes, `height` tall, from `(x, y)` (top left).
fn digits(pix: &mut Pixmap, text: &str, x: f32, y: f32, height: f32, hex: &str) {
    // Segments a–g of a cell one wide and two high: (from, to).
    const SEG: [((f32, f32), (f32, f32)); 7] = [
        ((0.0, 0.0), (1.0, 0.0)), // a
        ((1.0, 0.0), (1.0, 1.0)), // b
        ((1.0, 1.0), (1.0, 2.0)), // c
        ((0.0, 2.0), (1.0, 2.0)), // d
        ((0.0, 1.0), (0.0, 2.0)), // e
        ((0.0, 0.0), (0.0, 1.0)), // f
        ((0.0, 1.0), (1.0, 1.0)), // g
    ];
    const ON: [&str; 10] = ["abcdef", "bc", "abged", "abgcd", "fgbc", "afgcd", "afgedc", "abc", "abcdefg", "abfgcd"];
    let unit = height / 2.0;
    let mut pb = PathBuilder::new();
    for (i, c) in text.chars().enumerate() {
        let Some(d) = c.to_digit(10) else { continue };
        // A one is drawn in the middle of its cell, not on its right edge.
        let left = x + i as f32 * unit * 1.7 - if d == 1 { unit / 2.0 } else { 0.0 };
        for s in ON[d as usize].bytes() {
            let ((x1, y1), (x2, y2)) = SEG[(s - b'a') as usize];
            pb.move_to(left + x1 * unit, y + y1 * unit);
            pb.line_to(left + x2 * unit, y + y2 * unit);
        }
    }
    if let Some(p) = pb.finish() {
        pix.stroke_path(&p, &paint(hex), &round_stroke(height / 9.0), Transform::identity(), None);
    }
}

/// A raster icon of the site's mark, `size` square, on its own colour (for the manifest).
pub fn icon(size: u32) -> Pixmap {
    let mut pix = Pixmap::new(size, size).expect("a non-empty size");
    // Filled to the edge: a launcher crops icons to its own shape.
    pix.fill(colour(ACCENT));
    mark(&mut pix, 0.0, 0.0, size as f32);
    pix
}

/// Writes `preview.png` and `icon-<size>.png` into `dir`, from the embedded dataset.
pub fn write_all(dir: &Path) -> Result<(), String> {
    let data = hutong_core::embedded::dataset();
    let png = |pix: Pixmap| pix.encode_png().map_err(|e| e.to_string());
    std::fs::write(dir.join("preview.png"), png(preview(&data))?).map_err(|e| e.to_string())?;
    for size in ICON_SIZES {
        std::fs::write(dir.join(format!("icon-{size}.png")), png(icon(size))?).map_err(|e| e.to_string())?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Width and height from a PNG's IHDR chunk.
    fn png_size(png: &[u8]) -> (u32, u32) {
        assert_eq!(&png[..8], b"\x89PNG\r\n\x1a\n", "a PNG signature");
        assert_eq!(&png[12..16], b"IHDR");
        let be = |b: &[u8]| u32::from_be_bytes([b[0], b[1], b[2], b[3]]);
        (be(&png[16..20]), be(&png[20..24]))
    }

    #[test]
    fn the_preview_is_a_1200_by_630_png_of_two_different_years() {
        let data = hutong_core::embedded::dataset();
        let pix = preview(&data);
        let png = pix.encode_png().unwrap();
        assert_eq!(png_size(&png), (1200, 630));
        // The two panels differ (walls came down between 2014 and 2024), and both are drawn on.
        let panel = |k: u32| -> Vec<u8> {
            let mut out = Vec::new();
            for y in 140..580 {
                let row = (y * 1200 + 30 + k * 600) as usize * 4;
                out.extend_from_slice(&pix.data()[row..row + 540 * 4]);
            }
            out
        };
        let (a, b) = (panel(0), panel(1));
        assert_ne!(a, b);
        for p in [&a, &b] {
            let coloured = p.chunks(4).filter(|px| px[0] != px[1] || px[1] != px[2]).count();
            assert!(coloured > 5_000, "{coloured} coloured pixels");
        }
    }

    #[test]
    fn the_icons_are_square_pngs_of_their_size() {
        for size in ICON_SIZES {
            assert_eq!(png_size(&icon(size).encode_png().unwrap()), (size, size));
        }
    }
}
