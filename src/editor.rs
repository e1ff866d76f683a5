//! The event editor (issue 23, part 3), a part of its own loaded when a reader opens it
//! (`editing.rs` is its place in the dataset panel): a form with every field of the
//! format, checked by the importer itself as the reader types (`hutong_core::edit::apply`), each
//! problem shown at its field; the quote checked against a pasted text; a live preview of what the
//! edit changes (the answers, the questions, the network), computed in slices; saving as a merged
//! import kept in this browser. The model does the work; this words it and keeps the form.
//!
//! The form is built once per opening and never redrawn while typing: each field reads its own
//! cell of the draft, so focus and what was typed are never lost.

use std::cell::{Cell, RefCell};
use std::rc::Rc;
use std::sync::Arc;

use hutong_core::edit::{self, check_quote, Compare, Draft, FieldProblem, QuoteCheck, VerdictChange};
use hutong_core::load::UNCERTAIN_FIELDS;
use hutong_core::route::{Grounds, Verdict};
use hutong_core::{Channel, Dataset, Kind, Lang, Status};
use leptos::prelude::*;

use crate::editing::target;
use crate::explorer::{answer_text, name, verdict_text};
use crate::i18n::{
    channel_name, editor_strings, kind_name, problem, status_name, strings, uncertain_field_name, EditorStrings,
};
use crate::state::{use_ctx, Ctx, Origin};

/// How long the form waits after a keystroke before it checks the draft (a check re-reads the
/// dataset in use, a few milliseconds).
const CHECK_AFTER_MS: u64 = 250;
/// The longest a slice of the preview's comparison runs before the page gets the thread back.
const TASK_MS: f64 = 8.0;
/// Changed answers listed at a time.
const PAGE: usize = 20;

/// The values the format allows, as the form's options.
const STATUSES: [&str; 6] = ["effective", "announced", "inferred", "partial", "beta", "gradual"];
const KINDS: [&str; 8] = ["block", "open", "partnership", "launch", "regulation", "policy", "metric", "statement"];
const CHANNELS: [&str; 7] = ["link", "ad", "mini-program", "qr", "pay", "interop", "account"];
const CHANGES: [&str; 4] = ["open", "close", "partial", "workaround"];
const DIRECTIONS: [&str; 3] = ["forward", "both", "unspecified"];
const UNITS: [&str; 13] = [
    "users",
    "accounts",
    "merchants",
    "trips",
    "accounts-per-day",
    "yuan",
    "percent",
    "times",
    "followers",
    "companies",
    "person-times",
    "days",
    "months",
];
/// The source select's value for "a new source".
const NEW_SOURCE: &str = "(new)";

/// A format word (`effective`, `mini-program`) as its typed value.
macro_rules! parse_word {
    ($t:ty, $word:expr) => {
        serde_json::from_value::<$t>(serde_json::Value::String($word.to_string())).ok()
    };
}

/// One effect as the form holds it: channel, from, to, change, via, direction.
type EffectCells = [String; 6];

/// The `effects` cell (`link a>b close; pay b>c workaround via=x both`) as rows; a part that does
/// not read is kept in `from`, so nothing typed is lost and the importer names the problem.
fn effect_rows(cell: &str) -> Vec<EffectCells> {
    cell.split(';')
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(|spec| {
            let mut row: EffectCells = Default::default();
            row[5] = "forward".into();
            let mut words = spec.split_whitespace();
            row[0] = words.next().unwrap_or_default().to_string();
            let ends = words.next().unwrap_or_default();
            let (from, to) = ends.split_once('>').unwrap_or((ends, ""));
            row[1] = from.to_string();
            row[2] = to.to_string();
            row[3] = words.next().unwrap_or_default().to_string();
            for w in words {
                match w.strip_prefix("via=") {
                    Some(via) => row[4] = via.to_string(),
                    None => row[5] = w.to_string(),
                }
            }
            row
        })
        .collect()
}

fn effects_cell(rows: &[EffectCells]) -> String {
    rows.iter()
        .map(|r| {
            let via = Some(r[4].trim());
            hutong_core::csv::effect_spec(&r[0], r[1].trim(), r[2].trim(), &r[3], via, &r[5])
        })
        .collect::<Vec<_>>()
        .join("; ")
}

/// Where the preview stands.
#[derive(Clone, Copy, PartialEq)]
enum Preview {
    /// The draft has problems (or was not checked yet).
    Waiting,
    Computing {
        done: usize,
        total: usize,
    },
    /// Done: the comparison is in the form's cell; the number is its run, so a new run redraws.
    Ready(u64),
}

/// The form of one opening, as the editor part's entry gives it (`lazy.rs`): on the event of that
/// id of the dataset in use, or on a new event.
pub fn form(id: Option<String>) -> AnyView {
    let ctx = use_ctx();
    view! { <Form id ctx /> }.into_any()
}

/// The state of one opening of the form.
#[derive(Clone, Copy)]
struct FormState {
    ctx: Ctx,
    draft: RwSignal<Draft>,
    /// `None` until the first check.
    problems: RwSignal<Option<Vec<FieldProblem>>>,
    preview: RwSignal<Preview>,
    /// Which check is the newest: a check or a comparison that is outdated stops.
    generation: StoredValue<Rc<Cell<u64>>, LocalStorage>,
    compare: StoredValue<Rc<RefCell<Option<Compare>>>, LocalStorage>,
    /// How each side of a listed change is known, by its index: asked of the model once, not at
    /// every redraw (a language switch rewords the list).
    grounds: StoredValue<Rc<RefCell<Vec<Sides>>>, LocalStorage>,
}

type Sides = (Option<Grounds>, Option<Grounds>);

impl FormState {
    fn w(self) -> EditorStrings {
        editor_strings(self.ctx.lang())
    }

    /// Checks the draft after a pause in the typing.
    fn schedule(self) {
        let gen = self.generation.with_value(|g| {
            g.set(g.get() + 1);
            g.get()
        });
        set_timeout(
            move || {
                if self.generation.try_with_value(|g| g.get() == gen) == Some(true) {
                    self.check(gen);
                }
            },
            std::time::Duration::from_millis(CHECK_AFTER_MS),
        );
    }

    /// Checks the draft against the dataset in use now; when it has no problem, compares.
    fn check(self, gen: u64) {
        let base = self.ctx.data.get_untracked();
        let result = self.draft.with_untracked(|d| edit::apply(&base, d));
        match result {
            Err(problems) => {
                self.problems.set(Some(problems));
                self.preview.set(Preview::Waiting);
            }
            Ok(edited) => {
                self.problems.set(Some(Vec::new()));
                let compare = Compare::new(base, Arc::new(edited));
                let total = compare.progress().1;
                self.compare.with_value(|c| *c.borrow_mut() = Some(compare));
                self.grounds.with_value(|g| g.borrow_mut().clear());
                self.preview.set(Preview::Computing { done: 0, total });
                self.compare_slice(gen);
            }
        }
    }

    fn compare_slice(self, gen: u64) {
        crate::store::in_turn(move || {
            let Some(current) = self.generation.try_with_value(|g| g.get()) else { return };
            if current != gen {
                return;
            }
            let cell = self.compare.get_value();
            let started = js_sys::Date::now();
            let mut finished = false;
            let mut progress = (0, 0);
            if let Some(compare) = cell.borrow_mut().as_mut() {
                while !finished && js_sys::Date::now() - started < TASK_MS {
                    finished = compare.step(8);
                }
                progress = compare.progress();
            }
            if finished {
                self.preview.set(Preview::Ready(gen));
            } else if self.preview.try_set(Preview::Computing { done: progress.0, total: progress.1 }).is_none() {
                self.compare_slice(gen);
            }
        });
    }

    /// The problems at a field of the form, in the interface's language.
    fn problems_at(self, field: &str) -> Vec<String> {
        let lang = self.ctx.lang();
        self.problems.with(|p| {
            p.iter()
                .flatten()
                .filter(|x| x.field.as_deref() == Some(field))
                .map(|x| problem(&x.diagnostic.problem, lang))
                .collect()
        })
    }

    fn set(self, column: &'static str, value: String) {
        self.draft.update(|d| d.set(column, &value));
        self.schedule();
    }
}

/// A field's problems under it, announced to the screen reader through `aria-describedby`.
fn problem_line(state: FormState, field: &'static str) -> impl IntoView {
    let id = format!("problem-{}", field.replace('.', "-"));
    view! {
        <p class="field-problem" id=id.clone() data-testid=id data-field=field
            hidden=move || state.problems_at(field).is_empty()>
            {move || state.problems_at(field).join(" · ")}
        </p>
    }
}

/// A text field bound to one events column.
fn text_field(
    state: FormState,
    column: &'static str,
    label: fn(EditorStrings) -> &'static str,
    long: bool,
) -> impl IntoView {
    let id = format!("edit-{column}");
    let described = format!("problem-{column}");
    let value = move || state.draft.with(|d| d.get(column).to_string());
    let invalid = move || (!state.problems_at(column).is_empty()).to_string();
    let on_input = move |ev: leptos::ev::Event| state.set(column, event_target_value(&ev));
    let input = if long {
        view! {
            <textarea id=id.clone() data-testid=id.clone() rows="2" aria-invalid=invalid aria-describedby=described.clone()
                prop:value=value on:input=on_input></textarea>
        }
        .into_any()
    } else {
        view! {
            <input type="text" id=id.clone() data-testid=id.clone() aria-invalid=invalid aria-describedby=described.clone()
                prop:value=value on:input=on_input />
        }
        .into_any()
    };
    view! {
        <div class="field">
            <label for=id>{move || label(state.w())}</label>
            {input}
            {problem_line(state, column)}
        </div>
    }
}

/// A select bound to one events column; `words` gives each option's label.
fn select_field(
    state: FormState,
    column: &'static str,
    label: fn(EditorStrings) -> &'static str,
    options: &'static [&'static str],
    words: fn(&str, Lang) -> String,
) -> impl IntoView {
    let id = format!("edit-{column}");
    let lang = move || state.ctx.lang();
    view! {
        <div class="field">
            <label for=id.clone()>{move || label(state.w())}</label>
            <select id=id.clone() data-testid=id aria-describedby=format!("problem-{column}")
                prop:value=move || state.draft.with(|d| d.get(column).to_string())
                on:change=move |ev| state.set(column, event_target_value(&ev))>
                {options.iter().map(|o| view! { <option value=*o>{move || words(o, lang())}</option> }).collect_view()}
            </select>
            {problem_line(state, column)}
        </div>
    }
}

fn status_word(w: &str, lang: Lang) -> String {
    parse_word!(Status, w).map_or(w.to_string(), |s| status_name(s, lang).to_string())
}

fn kind_word(w: &str, lang: Lang) -> String {
    parse_word!(Kind, w).map_or(w.to_string(), |k| kind_name(k, lang).to_string())
}

fn plain_word(w: &str, _: Lang) -> String {
    w.to_string()
}

/// The form of one opening: every field of the format, the quote check, the preview, and the
/// buttons.
#[component]
fn Form(id: Option<String>, ctx: Ctx) -> impl IntoView {
    let base = ctx.data.get_untracked();
    let editing = id.as_ref().and_then(|id| base.event(id)).map(|e| e.title.clone());
    let draft = id.as_ref().and_then(|id| Draft::of(&base, id)).unwrap_or_else(Draft::blank);
    let state = FormState {
        ctx,
        draft: RwSignal::new(draft),
        problems: RwSignal::new(None),
        preview: RwSignal::new(Preview::Waiting),
        generation: StoredValue::new_local(Rc::new(Cell::new(0))),
        compare: StoredValue::new_local(Rc::new(RefCell::new(None))),
        grounds: StoredValue::new_local(Rc::new(RefCell::new(Vec::new()))),
    };
    let w = move || state.w();
    let lang = move || ctx.lang();
    // An existing event is checked (and previewed) at once: its preview says "no answer changes"
    // until a field changes.
    if id.is_some() {
        state.schedule();
    }
    let heading = {
        let editing = editing.clone();
        move || match &editing {
            Some(title) => w().heading_edit().replace("{title}", title.get(lang())),
            None => w().heading_new().to_string(),
        }
    };
    let count = move || {
        state.problems.with(|p| match p {
            None => w().checking().to_string(),
            Some(p) if p.is_empty() => w().no_problems().to_string(),
            Some(p) if p.len() == 1 => w().one_problem().to_string(),
            Some(p) => w().problems().replace("{n}", &p.len().to_string()),
        })
    };
    let elsewhere = move || {
        let lang = lang();
        state.problems.with(|p| {
            p.iter()
                .flatten()
                .filter(|x| x.field.is_none())
                .map(|x| {
                    format!("{}: {}", crate::i18n::place(&x.diagnostic, lang), problem(&x.diagnostic.problem, lang))
                })
                .collect::<Vec<_>>()
        })
    };
    let ok = move || state.problems.with(|p| p.as_ref().is_some_and(Vec::is_empty));
    let save = move |_| {
        let base = ctx.data.get_untracked();
        match state.draft.with_untracked(|d| edit::apply(&base, d)) {
            Err(problems) => state.problems.set(Some(problems)),
            Ok(edited) => {
                let title = state
                    .draft
                    .with_untracked(|d| d.get(if lang() == Lang::Zh { "title_zh" } else { "title_en" }).to_string());
                finish(ctx, edited, w().saved(), &title);
            }
        }
    };
    let remove = {
        let id = id.clone();
        move |_| {
            let Some(id) = id.clone() else { return };
            let base = ctx.data.get_untracked();
            let title = base.event(&id).map(|e| e.title.get(lang()).to_string()).unwrap_or_default();
            match edit::remove(&base, &id) {
                Err(problems) => state.problems.set(Some(problems)),
                Ok(edited) => finish(ctx, edited, w().removed(), &title),
            }
        }
    };
    let nodes = {
        let d = &base;
        let mut ids: Vec<String> = vec!["*".into()];
        for list in [&d.surfaces, &d.merchants, &d.instruments] {
            ids.extend(list.iter().map(|n| n.id.clone()));
        }
        ids
    };
    let workarounds: Vec<String> = base.workarounds.iter().map(|n| n.id.clone()).collect();
    let actors: Vec<String> =
        base.platforms.iter().map(|p| p.id.clone()).chain(base.owners.iter().map(|o| o.id.clone())).collect();
    let events: Vec<String> = base.events.iter().map(|e| e.id.clone()).collect();
    let datalist = |id: &'static str, items: Vec<String>| {
        view! { <datalist id=id>{items.into_iter().map(|i| view! { <option value=i></option> }).collect_view()}</datalist> }
    };

    view! {
        <form id="editor" class="editor" data-testid="editor" aria-labelledby="editor-heading" novalidate=true
            on:submit=|ev: leptos::ev::SubmitEvent| ev.prevent_default()>
            <h3 id="editor-heading">{heading}</h3>
            <p class="hint">{move || w().intro()}</p>
            {datalist("edit-node-ids", nodes)}
            {datalist("edit-workaround-ids", workarounds)}
            {datalist("edit-actor-ids", actors)}
            {datalist("edit-event-ids", events)}
            <div class="editor-grid">
                {text_field(state, "id", EditorStrings::id, false)}
                <div class="field">
                    {text_field(state, "date", EditorStrings::date, false)}
                    <p class="hint" id="edit-date-hint">{move || w().date_hint()}</p>
                </div>
                {select_field(state, "status", EditorStrings::status, &STATUSES, status_word)}
                {select_field(state, "kind", EditorStrings::kind, &KINDS, kind_word)}
                {text_field(state, "actors", EditorStrings::actors, false)}
                {text_field(state, "after", EditorStrings::after, false)}
                {text_field(state, "title_zh", EditorStrings::title_zh, false)}
                {text_field(state, "title_en", EditorStrings::title_en, false)}
                {text_field(state, "summary_zh", EditorStrings::summary_zh, true)}
                {text_field(state, "summary_en", EditorStrings::summary_en, true)}
            </div>
            <Effects state />
            <Uncertain state />
            <SourceFields state />
            <QuoteFields state />
            <details class="editor-more">
                <summary>{move || w().before()}</summary>
                <div class="editor-grid">
                    {select_field(state, "before_state", EditorStrings::before_state, &["", "closed", "open"], |o, lang| {
                        let w = editor_strings(lang);
                        match o { "closed" => w.before_closed(), "open" => w.before_open(), _ => w.before_unknown() }.to_string()
                    })}
                    <SourceSelect state column="before_source" label=EditorStrings::before_source new_allowed=false />
                    {text_field(state, "before_quote", EditorStrings::before_quote, true)}
                </div>
            </details>
            <details class="editor-more">
                <summary>{move || w().metric()}</summary>
                <div class="editor-grid">
                    {text_field(state, "metric_value", EditorStrings::metric_value, false)}
                    {select_field(state, "metric_unit", EditorStrings::metric_unit, &UNITS_AND_NONE, plain_word)}
                    {text_field(state, "metric_as_of", EditorStrings::metric_as_of, false)}
                    {select_field(state, "metric_approx", EditorStrings::metric_approx, &["", "yes"], |o, lang| {
                        if o == "yes" { editor_strings(lang).yes().to_string() } else { editor_strings(lang).none().to_string() }
                    })}
                    {select_field(state, "metric_bound", EditorStrings::metric_bound, &["", "over", "under"], |o, lang| {
                        let w = editor_strings(lang);
                        match o { "over" => w.bound_over(), "under" => w.bound_under(), _ => w.none() }.to_string()
                    })}
                    {text_field(state, "metric_of_zh", EditorStrings::metric_of_zh, false)}
                    {text_field(state, "metric_of_en", EditorStrings::metric_of_en, false)}
                </div>
            </details>
            <div class="editor-grid">
                {text_field(state, "note_zh", EditorStrings::note_zh, true)}
                {text_field(state, "note_en", EditorStrings::note_en, true)}
            </div>
            <div class="editor-check" role="status" aria-live="polite">
                <p data-testid="editor-problems" data-count=move || state.problems.with(|p| p.as_ref().map_or(String::new(), |p| p.len().to_string()))>{count}</p>
                {move || {
                    let list = elsewhere();
                    (!list.is_empty()).then(|| view! {
                        <div class="import-error" data-testid="editor-elsewhere">
                            <p>{w().elsewhere()}</p>
                            <ul>{list.into_iter().map(|p| view! { <li>{p}</li> }).collect_view()}</ul>
                        </div>
                    })
                }}
            </div>
            <div class="editor-actions">
                <button type="button" data-testid="editor-save" disabled=move || !ok() on:click=save>{move || w().save()}</button>
                {id.is_some().then(|| view! {
                    <button type="button" class="small" data-testid="editor-remove" on:click=remove>{move || w().remove()}</button>
                })}
                <button type="button" class="small" data-testid="editor-cancel" on:click=move |_| target().set(None)>{move || w().cancel()}</button>
            </div>
            <PreviewPanel state />
        </form>
    }
}

const UNITS_AND_NONE: [&str; 14] = [
    "", UNITS[0], UNITS[1], UNITS[2], UNITS[3], UNITS[4], UNITS[5], UNITS[6], UNITS[7], UNITS[8], UNITS[9], UNITS[10],
    UNITS[11], UNITS[12],
];

/// Saves an edited dataset as the import in this browser and puts it in use; closes the form.
fn finish(ctx: Ctx, edited: Dataset, message: &str, title: &str) {
    let saved = crate::data::save(&edited);
    let mut text = message.replace("{title}", title).replace("{version}", &edited.version);
    if let Err(e) = saved {
        text = format!("{text} {}", editor_strings(ctx.lang()).not_saved().replace("{e}", &e));
    }
    crate::data::use_dataset(ctx, edited, Origin::Imported);
    crate::editing::done(text);
}

/// The effects, a row each: channel, from, to, change, via, direction.
#[component]
fn Effects(state: FormState) -> impl IntoView {
    let w = move || state.w();
    let lang = move || state.ctx.lang();
    let next = StoredValue::new(0u64);
    let key = move || {
        next.update_value(|n| *n += 1);
        next.get_value()
    };
    let initial = state.draft.with_untracked(|d| effect_rows(d.get("effects")));
    let rows = RwSignal::new(initial.into_iter().map(|r| (key(), RwSignal::new(r))).collect::<Vec<_>>());
    let write = move || {
        let cell =
            rows.with_untracked(|rows| effects_cell(&rows.iter().map(|(_, r)| r.get_untracked()).collect::<Vec<_>>()));
        state.set("effects", cell);
    };
    let add = move |_| {
        let mut row: EffectCells = Default::default();
        row[0] = "link".into();
        row[3] = "open".into();
        row[5] = "forward".into();
        rows.update(|r| r.push((key(), RwSignal::new(row))));
        write();
    };
    let cell_input = move |row: RwSignal<EffectCells>,
                           i: usize,
                           n: usize,
                           list: &'static str,
                           label: fn(EditorStrings) -> &'static str| {
        let id = format!("edit-effect-{n}-{i}");
        let label_for = id.clone();
        view! {
            <label class="effect-cell" for=label_for>
                <span>{move || label(w())}</span>
                <input type="text" id=id data-testid=format!("edit-effect-{}", ["channel", "from", "to", "change", "via", "direction"][i])
                    list=list prop:value=move || row.with(|r| r[i].clone())
                    on:input=move |ev| { row.update(|r| r[i] = event_target_value(&ev)); write(); } />
            </label>
        }
    };
    let cell_select = move |row: RwSignal<EffectCells>,
                            i: usize,
                            n: usize,
                            options: &'static [&'static str],
                            label: fn(EditorStrings) -> &'static str,
                            word: fn(&str, Lang) -> String| {
        let id = format!("edit-effect-{n}-{i}");
        let label_for = id.clone();
        view! {
            <label class="effect-cell" for=label_for>
                <span>{move || label(w())}</span>
                <select id=id data-testid=format!("edit-effect-{}", ["channel", "from", "to", "change", "via", "direction"][i])
                    prop:value=move || row.with(|r| r[i].clone())
                    on:change=move |ev| { row.update(|r| r[i] = event_target_value(&ev)); write(); }>
                    {options.iter().map(|o| view! { <option value=*o>{move || word(o, lang())}</option> }).collect_view()}
                </select>
            </label>
        }
    };
    view! {
        <fieldset class="effects" aria-describedby="problem-effects">
            <legend>{move || w().effects()}</legend>
            {move || rows.get().into_iter().enumerate().map(|(n, (k, row))| {
                let remove = move |_| { rows.update(|r| r.retain(|(key, _)| *key != k)); write(); };
                view! {
                    <div class="effect-row" data-testid="edit-effect" role="group" aria-label=move || w().effect().replace("{n}", &(n + 1).to_string())>
                        {cell_select(row, 0, n, &CHANNELS, EditorStrings::channel, |c, lang| {
                            parse_word!(Channel, c).map_or(c.to_string(), |c| channel_name(c, lang).to_string())
                        })}
                        {cell_input(row, 1, n, "edit-node-ids", EditorStrings::from)}
                        {cell_input(row, 2, n, "edit-node-ids", EditorStrings::to)}
                        {cell_select(row, 3, n, &CHANGES, EditorStrings::change, |c, lang| {
                            let w = editor_strings(lang);
                            match c {
                                "open" => w.change_open(),
                                "close" => w.change_close(),
                                "partial" => w.change_partial(),
                                _ => w.change_workaround(),
                            }
                            .to_string()
                        })}
                        {cell_input(row, 4, n, "edit-workaround-ids", EditorStrings::via)}
                        {cell_select(row, 5, n, &DIRECTIONS, EditorStrings::direction, |d, lang| {
                            let w = editor_strings(lang);
                            match d {
                                "both" => w.both(),
                                "unspecified" => w.unspecified(),
                                _ => w.forward(),
                            }
                            .to_string()
                        })}
                        <button type="button" class="small" on:click=remove>{move || w().remove_effect().replace("{n}", &(n + 1).to_string())}</button>
                    </div>
                }
            }).collect_view()}
            <button type="button" class="small" data-testid="edit-add-effect" on:click=add>{move || w().add_effect()}</button>
            {problem_line(state, "effects")}
        </fieldset>
    }
}

/// The fields the source leaves open, as checkboxes.
#[component]
fn Uncertain(state: FormState) -> impl IntoView {
    let lang = move || state.ctx.lang();
    let has = move |f: &str| state.draft.with(|d| d.get("uncertain").split([' ', ',', ';']).any(|x| x == f));
    let toggle = move |f: &'static str| {
        let mut list: Vec<String> = state.draft.with_untracked(|d| {
            d.get("uncertain").split([' ', ',', ';']).filter(|x| !x.is_empty() && *x != f).map(str::to_string).collect()
        });
        if !has(f) {
            list.push(f.to_string());
        }
        // In the format's order, so an edit that changes nothing reads as no change.
        list.sort_by_key(|x| UNCERTAIN_FIELDS.iter().position(|u| u == x).unwrap_or(usize::MAX));
        state.set("uncertain", list.join(" "));
    };
    view! {
        <fieldset class="uncertain-fields" aria-describedby="problem-uncertain">
            <legend>{move || state.w().uncertain()}</legend>
            {UNCERTAIN_FIELDS.iter().map(|&f| view! {
                <label><input type="checkbox" data-testid="edit-uncertain" data-field=f prop:checked=move || has(f)
                    on:change=move |_| toggle(f) />{move || uncertain_field_name(f, lang())}</label>
            }).collect_view()}
            {problem_line(state, "uncertain")}
        </fieldset>
    }
}

/// A select of the dataset's sources (and, for the citation, "a new source…").
#[component]
fn SourceSelect(
    state: FormState,
    column: &'static str,
    label: fn(EditorStrings) -> &'static str,
    new_allowed: bool,
) -> impl IntoView {
    let w = move || state.w();
    let id = format!("edit-{column}");
    let sources: Vec<(String, String)> = state
        .ctx
        .data
        .with_untracked(|d| d.sources.iter().map(|s| (s.id.clone(), format!("{} — {}", s.id, s.title))).collect());
    let value = move || {
        state.draft.with(|d| {
            if new_allowed && d.source.is_some() {
                NEW_SOURCE.to_string()
            } else {
                d.get(column).to_string()
            }
        })
    };
    let on_change = move |ev: leptos::ev::Event| {
        let v = event_target_value(&ev);
        if v == NEW_SOURCE {
            state.draft.update(|d| {
                d.source = Some(Draft::blank_source());
                d.set(column, "");
            });
            state.schedule();
        } else {
            state.draft.update(|d| {
                if new_allowed {
                    d.source = None;
                }
                d.set(column, &v);
            });
            state.schedule();
        }
    };
    view! {
        <div class="field">
            <label for=id.clone()>{move || label(w())}</label>
            <select id=id.clone() data-testid=id aria-describedby=format!("problem-{column}") prop:value=value on:change=on_change>
                <option value="">{move || w().none()}</option>
                {sources.into_iter().map(|(id, title)| view! { <option value=id>{title}</option> }).collect_view()}
                {new_allowed.then(|| view! { <option value=NEW_SOURCE>{move || w().new_source()}</option> })}
            </select>
            {problem_line(state, column)}
        </div>
    }
}

/// The citation's source: one of the dataset's, or a new one with its fields.
#[component]
fn SourceFields(state: FormState) -> impl IntoView {
    let w = move || state.w();
    let new = move || state.draft.with(|d| d.source.is_some());
    let field = move |column: &'static str, label: fn(EditorStrings) -> &'static str| {
        let id = format!("edit-source-{column}");
        let problem_id: &'static str = match column {
            "id" => "source.id",
            "url" => "source.url",
            "title" => "source.title",
            "outlet_zh" => "source.outlet_zh",
            "outlet_en" => "source.outlet_en",
            _ => "source.published",
        };
        let on_input = move |ev: leptos::ev::Event| {
            let v = event_target_value(&ev);
            state.draft.update(|d| {
                d.source_set(column, &v);
                // The event cites the new source by its id.
                if column == "id" {
                    d.set("source", &v);
                }
            });
            state.schedule();
        };
        view! {
            <div class="field">
                <label for=id.clone()>{move || label(w())}</label>
                <input type="text" id=id.clone() data-testid=id aria-describedby=format!("problem-source-{column}")
                    aria-invalid=move || (!state.problems_at(problem_id).is_empty()).to_string()
                    prop:value=move || state.draft.with(|d| d.source_get(column).to_string()) on:input=on_input />
                {problem_line(state, problem_id)}
            </div>
        }
    };
    view! {
        <SourceSelect state column="source" label=EditorStrings::source new_allowed=true />
        {move || new().then(|| view! {
            <fieldset class="new-source editor-grid" data-testid="edit-new-source">
                <legend>{move || w().new_source()}</legend>
                {field("id", EditorStrings::source_id)}
                {field("url", EditorStrings::url)}
                {field("title", EditorStrings::source_title)}
                {field("outlet_zh", EditorStrings::outlet_zh)}
                {field("outlet_en", EditorStrings::outlet_en)}
                {field("published", EditorStrings::published)}
            </fieldset>
        })}
    }
}

/// The quote, and the box to paste the source's text into, with what the check finds.
#[component]
fn QuoteFields(state: FormState) -> impl IntoView {
    let w = move || state.w();
    let pasted = RwSignal::new(String::new());
    let check = move || state.draft.with(|d| pasted.with(|t| check_quote(t, d.get("quote"))));
    let said = move || {
        let w = w();
        match check() {
            QuoteCheck::Nothing => w.quote_nothing().to_string(),
            QuoteCheck::Found { line, column, count } => {
                let mut s =
                    w.quote_found().replace("{line}", &line.to_string()).replace("{column}", &column.to_string());
                if count > 1 {
                    s.push_str(&w.quote_found_times().replace("{n}", &count.to_string()));
                }
                s
            }
            QuoteCheck::NotFound { spacing: true } => w.quote_spacing().to_string(),
            QuoteCheck::NotFound { spacing: false } => w.quote_missing().to_string(),
        }
    };
    let found = move || match check() {
        QuoteCheck::Nothing => "",
        QuoteCheck::Found { .. } => "true",
        QuoteCheck::NotFound { .. } => "false",
    };
    view! {
        <div class="editor-grid">
            {text_field(state, "quote", EditorStrings::quote, true)}
            <div class="field">
                <label for="edit-pasted">{move || w().paste()}</label>
                <textarea id="edit-pasted" data-testid="edit-pasted" rows="3" lang="zh" aria-describedby="quote-check"
                    prop:value=move || pasted.get() on:input=move |ev| pasted.set(event_target_value(&ev))></textarea>
                <p id="quote-check" data-testid="quote-check" data-found=found role="status"
                    class=move || if found() == "false" { "field-problem" } else { "hint" }>{said}</p>
            </div>
        </div>
    }
}

/// What the edit changes: the answers (with how each side is known), the questions, the network.
#[component]
fn PreviewPanel(state: FormState) -> impl IntoView {
    let w = move || state.w();
    let lang = move || state.ctx.lang();
    let shown = RwSignal::new(PAGE);
    view! {
        <section class="editor-preview" data-testid="editor-preview" aria-labelledby="preview-heading">
            <h4 id="preview-heading">{move || w().preview()}</h4>
            <p class="hint">{move || w().preview_intro()}</p>
            {move || match state.preview.get() {
                Preview::Waiting => view! { <p class="hint" data-testid="preview-waiting">{w().preview_wait()}</p> }.into_any(),
                Preview::Computing { done, total } => view! {
                    <p role="status" data-testid="preview-progress"><progress max=total value=done></progress>" "
                        {w().computing().replace("{done}", &done.to_string()).replace("{total}", &total.to_string())}</p>
                }.into_any(),
                Preview::Ready(_) => {
                    // "Show more" lists more of the same comparison.
                    shown.track();
                    let cell = state.compare.get_value();
                    let compare = cell.borrow();
                    let Some(compare) = compare.as_ref() else { return ().into_any() };
                    ready(state, compare, shown, lang()).into_any()
                }
            }}
        </section>
    }
}

fn ready(state: FormState, compare: &Compare, shown: RwSignal<usize>, lang: Lang) -> impl IntoView {
    let w = editor_strings(lang);
    let (before, after) = compare.data();
    let changes = compare.changes();
    let count = if changes.is_empty() {
        w.no_change().to_string()
    } else {
        w.changes().replace("{n}", &changes.len().to_string())
    };
    let rows: Vec<_> = {
        let cell = state.grounds.get_value();
        let mut known = cell.borrow_mut();
        let n = shown.get_untracked().min(changes.len());
        for c in &changes[known.len().min(n)..n] {
            known.push(compare.grounds(c));
        }
        changes.iter().zip(known.iter()).take(n).map(|(c, sides)| change_row(c, sides, after, lang)).collect()
    };
    let more = changes.len().saturating_sub(shown.get_untracked()).min(PAGE);
    let (closed, opened) = compare.questions();
    let asked = |list: &std::collections::BTreeMap<hutong_core::edit::QuestionKey, chrono::NaiveDate>,
                 data: &Dataset| {
        list.iter()
            .map(|((field, event, channel, from, to), day)| {
                let field = match *field {
                    "date" => hutong_core::decide::Field::Date,
                    "status" => hutong_core::decide::Field::Status,
                    "direction" => hutong_core::decide::Field::Direction,
                    "before" => hutong_core::decide::Field::Before,
                    _ => hutong_core::decide::Field::Silent,
                };
                let wording = crate::decide::Wording {
                    data,
                    event: data.events.iter().position(|e| e.id == *event),
                    channel: *channel,
                    from,
                    to,
                    day: *day,
                    lang,
                };
                (event.clone(), wording.asked(field))
            })
            .collect::<Vec<_>>()
    };
    let list = |testid: &'static str, heading: &'static str, items: Vec<(String, String)>| {
        (!items.is_empty()).then(|| view! {
            <div data-testid=testid>
                <h5>{heading}" "<span class="muted">{w.questions_note().replace("{n}", &Compare::ASKED.to_string())}</span></h5>
                <ul>{items.into_iter().map(|(event, q)| view! { <li data-event=event>{q}</li> }).collect_view()}</ul>
            </div>
        })
    };
    let closed = list("preview-closes", w.closes(), asked(closed, before));
    let opened = list("preview-opens", w.opens(), asked(opened, after));
    let id = state.draft.with_untracked(|d| d.get("id").to_string());
    let network = match after.event(&id).and_then(edit::event_day) {
        None => view! { <p class="hint" data-testid="preview-network">{w.network_undated()}</p> }.into_any(),
        Some(day) => {
            let edges = compare.network(day);
            let day_words = crate::fmt::day(day, lang);
            let state_words = |v: Option<Verdict>| match v {
                None => w.absent().to_string(),
                Some(v) if v == Verdict::UNKNOWN => w.unknown().to_string(),
                Some(v) => verdict_text(v, lang),
            };
            if edges.is_empty() {
                view! { <p class="hint" data-testid="preview-network" data-count="0">{w.network_none().replace("{day}", &day_words)}</p> }.into_any()
            } else {
                let n = edges.len();
                view! {
                    <div data-testid="preview-network" data-count=n>
                        <h5>{w.network().replace("{day}", &day_words)}</h5>
                        <ul>{edges.into_iter().map(|(edge, b, a)| view! {
                            <li data-channel=crate::network::layout::channel_id(edge.channel) data-from=edge.from.clone() data-to=edge.to.clone()>
                                {format!("{}: {} → {}{}{} → {}", channel_name(edge.channel, lang), name(after, &edge.from, lang), name(after, &edge.to, lang),
                                    strings(lang).colon(), state_words(b), state_words(a))}
                            </li>
                        }).collect_view()}</ul>
                    </div>
                }.into_any()
            }
        }
    };
    view! {
        <p data-testid="preview-count" data-count=changes.len()>{count}</p>
        <ol class="preview-changes">{rows}</ol>
        {(more > 0).then(|| view! {
            <button type="button" class="small" data-testid="preview-more" on:click=move |_| shown.update(|n| *n += PAGE)>
                {w.show_more().replace("{n}", &more.to_string())}
            </button>
        })}
        {closed}
        {opened}
        {network}
    }
}

fn change_row(c: &VerdictChange, (gb, ga): &Sides, data: &Dataset, lang: Lang) -> impl IntoView {
    let journey = format!(
        "{} · {} → {} → {}",
        crate::fmt::day(c.day, lang),
        name(data, &c.journey.surface, lang),
        name(data, &c.journey.merchant, lang),
        name(data, &c.journey.instrument, lang)
    );
    let (before, after) = (answer_text(c.before, gb.as_ref(), lang), answer_text(c.after, ga.as_ref(), lang));
    let word = |v: Verdict| v.word().id();
    view! {
        <li data-testid="preview-change" data-day=c.day.to_string() data-surface=c.journey.surface.clone()
            data-merchant=c.journey.merchant.clone() data-instrument=c.journey.instrument.clone()
            data-before=word(c.before) data-after=word(c.after)>
            <span class="journey">{journey}</span>{strings(lang).colon()}
            <span class=format!("badge small badge-{}", word(c.before))>{before}</span>" → "
            <span class=format!("badge small badge-{}", word(c.after))>{after}</span>
        </li>
    }
}

#[cfg(test)]
mod tests {
    use super::{effect_rows, effects_cell};

    #[test]
    fn effects_round_trip_through_the_rows() {
        for cell in [
            "link wechat-group>taobao close",
            "link wechat-chat>taobao workaround via=shop-card; pay taobao>wechat-pay open both",
            "interop alipay>*  partial unspecified",
        ] {
            let back = effects_cell(&effect_rows(cell));
            assert_eq!(effect_rows(&back), effect_rows(cell), "{cell}");
        }
        assert_eq!(
            effects_cell(&effect_rows("link a>b close; pay b>c open both")),
            "link a>b close; pay b>c open both"
        );
    }
}
