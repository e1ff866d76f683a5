//! The dataset in use: where it comes from (embedded, imported and saved in this browser, or
//! synthetic), and the import and export panel.
//!
//! The model does the work (`hutong_core::import`, `export`, `csv`); this module reads files, keeps
//! the result in `localStorage` and words the outcome. A failed import changes nothing.

use std::sync::Arc;

use hutong_core::{Dataset, Diagnostic, ImportSummary, Mode, Normalized, SourceFile};
use leptos::prelude::*;

use crate::i18n::{data_strings, place, problem};
use crate::state::{use_ctx, Ctx, Origin};
use crate::url;

pub use hutong_page::saved::{saved_text, set_aside, storage, STORAGE_KEY};

/// Reads a saved imported dataset: it and its fingerprint, or the first problem's text when it
/// cannot be read (it is then left where it is).
pub fn read_saved(text: String) -> Result<(Dataset, String), String> {
    let data = hutong_core::load(&[SourceFile { name: "localStorage", text: &text }]).map_err(|p| p[0].to_string())?;
    let fingerprint = hutong_core::export::fingerprint(&data);
    Ok((data, fingerprint))
}

/// Keeps a dataset as this browser's import (the editor saves through it too).
pub fn save(data: &Dataset) -> Result<(), String> {
    let store = storage().ok_or_else(|| "no localStorage".to_string())?;
    store
        .set_item(STORAGE_KEY, &hutong_core::export::to_json(data))
        .map_err(|e| e.as_string().or_else(|| js_sys::JSON::stringify(&e).ok().map(String::from)).unwrap_or_default())
}

fn forget() {
    if let Some(store) = storage() {
        let _ = store.remove_item(STORAGE_KEY);
    }
}

/// What the last import did, for the panel to say.
#[derive(Clone, Debug, PartialEq)]
enum Outcome {
    Idle,
    Reading,
    Failed(Vec<Diagnostic>),
    Done {
        summary: ImportSummary,
        notes: Vec<(String, Normalized)>,
        saved: Result<(), String>,
    },
    Reset,
    /// Stories files read (src/story.rs): how many stories they hold, and whether they were saved.
    Stories {
        count: usize,
        saved: Result<(), String>,
    },
}

/// Whether a file's text is a stories file (`{"stories": [...]}`, as `data/stories.json`) rather
/// than a dataset: its top-level object has a `stories` key.
fn is_stories(text: &str) -> bool {
    let Some(rest) = text.trim_start().strip_prefix('{') else { return false };
    rest.trim_start().strip_prefix("\"stories\"").is_some_and(|r| r.trim_start().starts_with(':'))
}

/// Puts a new dataset in use: the view keeps what still exists in it (the rest becomes notices) and
/// names the dataset in the URL.
pub fn use_dataset(ctx: Ctx, data: Dataset, origin: Origin) {
    let fingerprint = (origin != Origin::Embedded).then(|| hutong_core::export::fingerprint(&data));
    let query = url::to_query(&ctx.view.get_untracked());
    let (mut view, notices) = url::parse(&query, &data);
    view.dataset = fingerprint;
    // One transaction: nothing hears of the new dataset before its view (with ids that may exist
    // only in it), its origin and its notices.
    ctx.update(move |s| {
        s.notices = notices;
        s.origin = origin;
        s.playhead = view.date;
        s.data = Arc::new(data);
        s.view = view;
    });
}

/// Reads the files' bytes, then imports them into the dataset in use.
async fn read_files(files: Vec<web_sys::File>) -> Result<Vec<(String, Vec<u8>)>, String> {
    let mut out = Vec::with_capacity(files.len());
    for file in files {
        let buffer = wasm_bindgen_futures::JsFuture::from(file.array_buffer())
            .await
            .map_err(|e| e.as_string().unwrap_or_else(|| format!("{} could not be read", file.name())))?;
        out.push((file.name(), js_sys::Uint8Array::new(&buffer).to_vec()));
    }
    Ok(out)
}

fn import_bytes(ctx: Ctx, files: &[(String, Vec<u8>)], mode: Mode) -> Outcome {
    let mut texts = Vec::with_capacity(files.len());
    let mut notes = Vec::new();
    let mut problems = Vec::new();
    for (name, bytes) in files {
        match hutong_core::decode(name, bytes) {
            Ok((text, n)) => {
                notes.extend(n.into_iter().map(|n| (name.clone(), n)));
                texts.push((name.as_str(), text));
            }
            Err(d) => problems.push(d),
        }
    }
    if !problems.is_empty() {
        return Outcome::Failed(problems);
    }
    let (stories, texts): (Vec<_>, Vec<_>) = texts.into_iter().partition(|(_, text)| is_stories(text));
    let mut outcome = None;
    if !texts.is_empty() {
        let sources: Vec<SourceFile<'_>> = texts.iter().map(|(name, text)| SourceFile { name, text }).collect();
        let base = ctx.data.get_untracked();
        match hutong_core::import(&sources, &base, mode) {
            Err(problems) => return Outcome::Failed(problems),
            Ok((data, summary)) => {
                let saved = save(&data);
                use_dataset(ctx, data, Origin::Imported);
                outcome = Some(Outcome::Done { summary, notes, saved });
            }
        }
    }
    if stories.is_empty() {
        return outcome.unwrap_or(Outcome::Idle);
    }
    // Stories files, checked against the dataset now in use: every problem with its file, line,
    // story and field, as for events.
    let data = ctx.data.get_untracked();
    let mut count = 0;
    for (name, text) in &stories {
        match hutong_core::story::load_stories(name, text, &data) {
            Ok(list) => count += list.len(),
            Err(p) => problems.extend(p),
        }
    }
    if !problems.is_empty() {
        return Outcome::Failed(problems);
    }
    let mut files = if mode == Mode::Merge { ctx.story_files.get_untracked() } else { Vec::new() };
    for (name, text) in stories {
        files.retain(|(n, _)| n != name);
        files.push((name.to_string(), text));
    }
    let saved = crate::story::save_files(&files);
    ctx.update(|s| s.story_files = files);
    // A dataset imported with them says so first.
    outcome.unwrap_or(Outcome::Stories { count, saved })
}

fn file_list(list: Option<web_sys::FileList>) -> Vec<web_sys::File> {
    let Some(list) = list else { return Vec::new() };
    (0..list.length()).filter_map(|i| list.get(i)).collect()
}

/// How many problems are listed before "and N more".
const SHOWN_PROBLEMS: usize = 20;

/// The dataset panel: what is in use, import (picker and drop), export, reset.
#[component]
pub fn DataPanel() -> impl IntoView {
    let ctx = use_ctx();
    let w = move || data_strings(ctx.lang());
    let e = move || crate::i18n::editor_strings(ctx.lang());
    let outcome = RwSignal::new(Outcome::Idle);
    let mode = RwSignal::new(Mode::Replace);
    let dragging = RwSignal::new(false);

    let start = move |files: Vec<web_sys::File>| {
        if files.is_empty() {
            return;
        }
        outcome.set(Outcome::Reading);
        leptos::task::spawn_local(async move {
            let result = match read_files(files).await {
                Ok(bytes) => import_bytes(ctx, &bytes, mode.get_untracked()),
                Err(e) => Outcome::Failed(vec![Diagnostic {
                    file: String::new(),
                    line: 1,
                    column: 1,
                    item: None,
                    field: None,
                    problem: hutong_core::Problem::Syntax(e),
                    csv: false,
                }]),
            };
            let _ = outcome.try_set(result);
        });
    };
    let on_change = move |ev: leptos::ev::Event| {
        let input: web_sys::HtmlInputElement = event_target(&ev);
        let files = file_list(input.files());
        input.set_value(""); // choosing the same file again is a new import
        start(files);
    };
    let on_drop = move |ev: leptos::ev::DragEvent| {
        ev.prevent_default();
        dragging.set(false);
        start(file_list(ev.data_transfer().and_then(|t| t.files())));
    };
    let on_dragover = move |ev: leptos::ev::DragEvent| {
        ev.prevent_default();
        dragging.set(true);
    };
    let reset = move |_| {
        forget();
        // Stories loaded by the reader go too.
        let _ = crate::story::save_files(&[]);
        ctx.update(|s| s.story_files.clear());
        use_dataset(ctx, crate::texts::embedded(), Origin::Embedded);
        outcome.set(Outcome::Reset);
    };
    let export = move |what: &'static str| {
        let data = ctx.data.get_untracked();
        let stem = format!("hutong-dataset-{}", crate::export::slug(&data.version));
        let result = match what {
            "json" => crate::export::download_text(
                &format!("{stem}.json"),
                "application/json",
                &hutong_core::export::to_json(&data),
            ),
            // The changes against the embedded dataset: a file to import elsewhere, and one to read.
            "changes-json" => crate::export::download_text(
                &format!("{stem}-changes.json"),
                "application/json",
                &hutong_core::edit::changes_json(&crate::texts::embedded(), &data),
            ),
            "changes-md" => crate::export::download_text(
                &format!("{stem}-changes.md"),
                "text/markdown;charset=utf-8",
                &hutong_core::edit::changes_markdown(&crate::texts::embedded(), &data),
            ),
            "events" => crate::export::download_text(
                &format!("{stem}-events.csv"),
                "text/csv;charset=utf-8",
                &hutong_core::csv::events_csv(&data),
            ),
            _ => crate::export::download_text(
                &format!("{stem}-reference.csv"),
                "text/csv;charset=utf-8",
                &hutong_core::csv::reference_csv(&data),
            ),
        };
        if let Err(e) = result {
            web_sys::console::error_1(&e);
        }
    };

    view! {
        <section class="data-panel" class:dragging=move || dragging.get() data-testid="data-panel"
            aria-labelledby="data-heading" on:dragover=on_dragover on:dragleave=move |_| dragging.set(false) on:drop=on_drop>
            <h2 id="data-heading">{move || w().heading()}</h2>
            <p class="hint">{move || w().intro()}" "
                <a href="dataset/DATASET.md">{move || w().schema()}</a>" · "{move || w().examples()}": "
                <a href="dataset/dataset.json" download="">"dataset.json"</a>", "
                <a href="dataset/events.csv" download="">"events.csv"</a>", "
                <a href="dataset/reference.csv" download="">"reference.csv"</a>
            </p>
            <p data-testid="dataset-status">
                {move || match ctx.origin.get() {
                    Origin::Embedded => crate::i18n::strings(ctx.lang()).embedded(),
                    Origin::Imported => w().imported(),
                    Origin::Synthetic => w().synthetic(),
                }}
                " · "{move || ctx.data.with(|d| d.version.clone())}
                " · "{move || ctx.data.with(|d| d.events.len())}" "{move || w().events()}
            </p>
            <div class="import-row">
                <label class="file">
                    {move || w().import()}
                    <input type="file" multiple accept=".json,.csv,application/json,text/csv" data-testid="import" on:change=on_change />
                </label>
                <fieldset class="mode" aria-label=move || w().replace_hint()>
                    <label title=move || w().replace_hint()>
                        <input type="radio" name="import-mode" value="replace" data-testid="import-replace"
                            prop:checked=move || mode.get() == Mode::Replace on:change=move |_| mode.set(Mode::Replace) />
                        {move || w().replace()}
                    </label>
                    <label title=move || w().merge_hint()>
                        <input type="radio" name="import-mode" value="merge" data-testid="import-merge"
                            prop:checked=move || mode.get() == Mode::Merge on:change=move |_| mode.set(Mode::Merge) />
                        {move || w().merge()}
                    </label>
                </fieldset>
                <span class="hint">{move || w().drop()}</span>
            </div>
            <p class="hint mode-hint">
                {move || if mode.get() == Mode::Replace { w().replace() } else { w().merge() }}
                {move || crate::i18n::strings(ctx.lang()).colon()}
                {move || if mode.get() == Mode::Replace { w().replace_hint() } else { w().merge_hint() }}
            </p>
            {move || outcome_view(ctx, outcome.get())}
            <div class="editor-row">
                <button class="small" data-testid="add-event" on:click=move |_| crate::editing::open(None)>{move || e().add()}</button>
            </div>
            <crate::editing::Editor />
            <div class="export-row">
                <button class="small" data-testid="export-dataset-json" on:click=move |_| export("json")>{move || w().export_json()}</button>
                <button class="small" data-testid="export-dataset-events-csv" on:click=move |_| export("events")>{move || w().export_events_csv()}</button>
                <button class="small" data-testid="export-dataset-reference-csv" on:click=move |_| export("reference")>{move || w().export_reference_csv()}</button>
                <button class="small" data-testid="export-changes-json" title=move || e().changes_hint()
                    disabled=move || ctx.origin.get() != Origin::Imported on:click=move |_| export("changes-json")>{move || e().export_changes_json()}</button>
                <button class="small" data-testid="export-changes-md" title=move || e().changes_hint()
                    disabled=move || ctx.origin.get() != Origin::Imported on:click=move |_| export("changes-md")>{move || e().export_changes_md()}</button>
                <button class="small" data-testid="reset-dataset" on:click=reset
                    disabled=move || ctx.origin.get() == Origin::Embedded && ctx.story_files.with(Vec::is_empty)>{move || w().reset()}</button>
            </div>
        </section>
    }
}

fn outcome_view(ctx: Ctx, outcome: Outcome) -> AnyView {
    let lang = ctx.lang();
    let w = data_strings(lang);
    match outcome {
        Outcome::Idle => ().into_any(),
        Outcome::Reading => view! { <p class="import-status" role="status">{w.reading()}</p> }.into_any(),
        Outcome::Reset => {
            view! { <p class="import-status" role="status" data-testid="import-status">{w.reset_done()}</p> }.into_any()
        }
        Outcome::Stories { count, saved } => {
            let text = crate::i18n::story_strings(lang).stories_loaded().replace("{n}", &count.to_string());
            let saved = saved.err().map(|e| format!(" {}", w.not_saved().replace("{e}", &e)));
            view! { <p class="import-status" role="status" data-testid="import-status" data-stories=count>{text}{saved}</p> }
                .into_any()
        }
        Outcome::Failed(problems) => {
            let more = problems.len().saturating_sub(SHOWN_PROBLEMS);
            view! {
                <div class="import-error" role="alert" data-testid="import-error" data-count=problems.len()>
                    <p><strong>{w.failed()}</strong>{match problems.len() {
                        1 => w.one_problem().to_string(),
                        n => w.problems().replace("{n}", &n.to_string()),
                    }}{w.nothing_changed()}</p>
                    <ol>
                        {problems.iter().take(SHOWN_PROBLEMS).map(|d| view! {
                            <li><span class="where">{place(d, lang)}</span>": "{problem(&d.problem, lang)}</li>
                        }).collect_view()}
                    </ol>
                    {(more > 0).then(|| view! { <p>{w.and_more().replace("{n}", &more.to_string())}</p> })}
                </div>
            }
            .into_any()
        }
        Outcome::Done { summary, notes, saved } => {
            let count = |n: usize, what: &str| w.count().replace("{n}", &n.to_string()).replace("{what}", what);
            let colon = crate::i18n::strings(lang).colon();
            let mut parts = vec![format!("{}{colon}{}", w.done(), count(summary.added, w.added()))];
            if summary.replaced > 0 {
                parts.push(count(summary.replaced, w.replaced()));
            }
            if summary.removed > 0 {
                parts.push(count(summary.removed, w.removed()));
            }
            if !summary.kept.is_empty() {
                parts.push(format!("{}{colon}{}", w.kept(), summary.kept.join(", ")));
            }
            let notes: Vec<String> = notes
                .iter()
                .map(|(file, n)| format!("{file}: {}", if *n == Normalized::Bom { w.bom() } else { w.crlf() }))
                .collect();
            let saved_text = match &saved {
                Ok(()) => w.saved().to_string(),
                Err(e) => w.not_saved().replace("{e}", e),
            };
            view! {
                <div class="import-status" role="status" data-testid="import-status" data-saved=saved.is_ok().to_string()>
                    <p>{parts.join(crate::i18n::strings(lang).list_sep())}{crate::i18n::strings(lang).stop()}{saved_text}</p>
                    {(!notes.is_empty()).then(|| view! { <ul>{notes.into_iter().map(|n| view! { <li>{n}</li> }).collect_view()}</ul> })}
                </div>
            }
            .into_any()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::is_stories;

    #[test]
    fn a_stories_file_is_told_from_a_dataset() {
        assert!(is_stories(hutong_core::story::STORIES));
        assert!(is_stories(" \n{ \"stories\" : []}"));
        assert!(!is_stories(&hutong_core::export::to_json(&hutong_core::embedded::dataset())));
        assert!(!is_stories("{\"format\": \"hutong-dataset\", \"stories\": []}"));
        assert!(!is_stories("id,date\n"));
    }
}
