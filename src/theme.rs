//! The theme switch: the Leptos part of the themes (`hutong_page::theme` has the themes, their
//! inks and the export's recolouring; the page writes `data-theme` from the store).

pub use hutong_page::theme::*;

/// The theme switch (auto, light, dark, high contrast), kept in the URL; the page writes
/// `data-theme` on `<html>` from it (`web/boot.js` did so for the URL the page was opened with).
#[leptos::component]
pub fn ThemeSelect() -> impl leptos::IntoView {
    use leptos::prelude::*;
    let ctx = crate::state::use_ctx();
    install();
    let names = move || crate::i18n::story_strings(ctx.lang()).themes();
    let option = move |t: Theme| {
        view! {
            <option value=t.id() selected=move || ctx.view.with(|v| v.theme) == t>{move || names()[t as usize]}</option>
        }
    };
    view! {
        <label class="tool">
            {move || crate::i18n::story_strings(ctx.lang()).theme()}" "
            <select data-testid="theme-select" on:change=move |ev| {
                if let Some(t) = Theme::from_id(&event_target_value(&ev)) {
                    ctx.update_view(|v| v.theme = t);
                }
            }>
                {option(Theme::Auto)}
                {option(Theme::Light)}
                {option(Theme::Dark)}
                {option(Theme::Contrast)}
            </select>
        </label>
    }
}

#[cfg(test)]
mod tests {
    //! The palette's contrast, computed from the stylesheet itself: verdict words (badges) at least
    //! 4.5:1 against their background, verdict lines and swatches at least 3:1 against the card
    //! and the page, in the light, dark and high-contrast themes (print uses the light one).
    use super::*;
    use std::collections::HashMap;

    const CSS: &str = include_str!("../style/main.css");

    /// The declarations `--name: value;` of the first rule whose selector is `selector`.
    fn block(selector: &str) -> HashMap<String, String> {
        let start = CSS.find(&format!("{selector} {{")).unwrap_or_else(|| panic!("no rule {selector}"));
        let body = &CSS[start + selector.len() + 2..];
        let body = &body[..body.find('}').expect("a closed rule")];
        body.split(';')
            .filter_map(|d| d.split_once(':'))
            .filter(|(k, _)| k.trim().starts_with("--"))
            .map(|(k, v)| (k.trim().to_string(), v.trim().to_string()))
            .collect()
    }

    /// Each theme's value of every custom property, as `#rrggbb` (`var(--x)` resolved).
    fn palettes() -> [(&'static str, HashMap<String, String>); 3] {
        let root = block(":root");
        let pick = |dark: bool| -> HashMap<String, String> {
            root.iter()
                .map(|(k, v)| {
                    let v = match v.strip_prefix("light-dark(").and_then(|v| v.strip_suffix(')')) {
                        Some(pair) => {
                            let (l, d) = pair.split_once(',').expect("two colours");
                            if dark {
                                d.trim()
                            } else {
                                l.trim()
                            }
                        }
                        None => v.as_str(),
                    };
                    (k.clone(), v.to_string())
                })
                .collect()
        };
        let mut contrast = pick(true);
        contrast.extend(block(":root[data-theme=contrast]"));
        [("light", pick(false)), ("dark", pick(true)), ("contrast", contrast)].map(|(theme, mut p)| {
            let refs: Vec<(String, String)> = p
                .iter()
                .filter_map(|(k, v)| Some((k.clone(), v.strip_prefix("var(")?.strip_suffix(')')?.to_string())))
                .collect();
            for (k, target) in refs {
                let value = p[&target].clone();
                p.insert(k, value);
            }
            (theme, p)
        })
    }

    /// `color-mix(in srgb, a p, b)`: the two colours' channels, weighted.
    fn mix(a: &str, p: f64, b: &str) -> String {
        let channel = |c: &str, i: usize| f64::from(u8::from_str_radix(&c[1 + i..3 + i], 16).expect("hex"));
        let out: Vec<String> = [0, 2, 4]
            .iter()
            .map(|&i| format!("{:02x}", (channel(a, i) * p + channel(b, i) * (1.0 - p)).round() as u8))
            .collect();
        format!("#{}", out.concat())
    }

    /// The share of `var(--v)` in the `nth` `color-mix(in srgb, var(--v) N%, var(<with>))` of the
    /// stylesheet's rule for `selector`.
    fn share(selector: &str, with: &str, nth: usize) -> f64 {
        let start = CSS.find(&format!("{selector} {{")).unwrap_or_else(|| panic!("no rule {selector}"));
        let rule = &CSS[start..start + CSS[start..].find('}').expect("closed")];
        let needle = "color-mix(in srgb, var(--v) ";
        let mixes: Vec<&str> = rule
            .match_indices(needle)
            .map(|(i, _)| &rule[i + needle.len()..])
            .filter(|m| m[..m.find(')').unwrap_or(0)].ends_with(&format!("%, var({with}")))
            .collect();
        let m = mixes.get(nth).unwrap_or_else(|| panic!("{selector}: no mix with {with}"));
        m[..m.find('%').expect("a percentage")].parse::<f64>().expect("a number") / 100.0
    }

    fn luminance(hex: &str) -> f64 {
        let hex = hex.trim_start_matches('#');
        assert_eq!(hex.len(), 6, "#{hex}: colours are written #rrggbb");
        let channel = |i: usize| {
            let c = f64::from(u8::from_str_radix(&hex[i..i + 2], 16).expect("hex")) / 255.0;
            if c <= 0.03928 {
                c / 12.92
            } else {
                ((c + 0.055) / 1.055).powf(2.4)
            }
        };
        0.2126 * channel(0) + 0.7152 * channel(2) + 0.0722 * channel(4)
    }

    /// The WCAG contrast ratio of two colours.
    fn ratio(a: &str, b: &str) -> f64 {
        let (a, b) = (luminance(a), luminance(b));
        (a.max(b) + 0.05) / (a.min(b) + 0.05)
    }

    const VERDICTS: [&str; 6] = ["direct", "workaround", "partial", "announced", "blocked", "undecided"];

    #[test]
    fn verdict_colours_keep_their_contrast_in_every_theme() {
        let mut failures = Vec::new();
        for (theme, p) in palettes() {
            let get = |k: &str| p.get(k).unwrap_or_else(|| panic!("{theme}: no {k}")).clone();
            let mut check = |what: String, fg: String, bg: String, least: f64| {
                let r = ratio(&fg, &bg);
                if r < least {
                    failures.push(format!("{theme}: {what} {fg} on {bg} is {r:.2}:1, needs {least}:1"));
                }
            };
            // A badge: the verdict's colour mixed into the ink, on it mixed into the card (the
            // undecided one is striped: both stripes).
            let all = ".badge, .instrument, .basis";
            let (text, ground) = (share(all, "--ink", 0), share(all, "--card", 0));
            let stripes = [share(".badge-undecided", "--card", 0), share(".badge-undecided", "--card", 1)];
            for w in VERDICTS {
                let v = get(&format!("--v-{w}"));
                for ground in ["--card", "--paper"] {
                    check(format!("--v-{w} line"), v.clone(), get(ground), 3.0);
                }
                let words = mix(&v, text, &get("--ink"));
                let grounds = if w == "undecided" { stripes.to_vec() } else { vec![ground] };
                for g in grounds {
                    check(format!("{w} badge words"), words.clone(), mix(&v, g, &get("--card")), 4.5);
                }
            }
            for (fg, bg) in [("--ink", "--card"), ("--ink", "--paper"), ("--muted", "--card"), ("--muted", "--paper")] {
                check(format!("{fg} text"), get(fg), get(bg), 4.5);
            }
            for (fg, bg) in [("--stated", "--stated-bg"), ("--inferred", "--inferred-bg")] {
                check(format!("{fg} words"), get(fg), get(bg), 4.5);
            }
            for kind in ["block", "open", "partnership", "launch", "regulation", "policy", "metric", "statement"] {
                check(format!("--{kind} mark"), get(&format!("--{kind}")), get("--card"), 3.0);
            }
            for fg in crate::simpanel::PALETTE {
                check("chart line".into(), fg.to_string(), get("--card"), 3.0);
            }
        }
        assert!(failures.is_empty(), "{}", failures.join("\n"));
    }

    /// Every colour the drawings are written with is recoloured on screen by a rule of the
    /// stylesheet, with the same property the exports read.
    #[test]
    fn the_stylesheet_recolours_every_drawing_colour() {
        for (attr, written, property) in INKS {
            let rule = format!("svg [{attr}=\"{written}\"] {{ {attr}: var({property}) }}");
            assert!(CSS.contains(&rule), "style/main.css lacks `{rule}`");
        }
        // The network (and the build-time preview) writes its verdict colours with these values.
        let network = include_str!("../page/src/network/layout.rs");
        for (_, written, property) in INKS.iter().filter(|(_, _, p)| p.starts_with("--v-")) {
            assert!(network.contains(&format!("\"{written}\"")), "the network no longer draws {written} ({property})");
        }
    }

    #[test]
    fn theme_ids_round_trip() {
        for t in Theme::ALL {
            assert_eq!(Theme::from_id(t.id()), Some(t));
        }
        assert_eq!(Theme::from_id("pink"), None);
    }
}
