use hutong_core::load::is_http_url;
use leptos::prelude::*;

use crate::fmt;
use crate::i18n::{kind_name, precision_name, status_name, strings, uncertain_field_name};
use crate::state::use_ctx;

/// The selected event: summary, date with its precision, status, actors, the quote and its source.
/// All dataset text is rendered as text, never as markup.
#[component]
pub fn Details() -> impl IntoView {
    let ctx = use_ctx();
    let close = move |_| ctx.update_view(|v| v.event = None);
    // The event shown and whether it is switched off: the details are rebuilt when these change,
    // not at every change of the view (a date, a journey).
    let shown = Memo::new(move |_| ctx.view.with(|v| v.event.clone().map(|id| (v.off.contains(&id), id))));
    view! {
        <section class="details" aria-labelledby="details-heading" data-testid="details" aria-live="polite">
            <h2 id="details-heading">{move || strings(ctx.lang()).details()}</h2>
            {move || {
                let lang = ctx.lang();
                let s = strings(lang);
                let data = ctx.data.get();
                let shown = shown.get();
                let is_off = shown.as_ref().is_some_and(|(off, _)| *off);
                let Some(event) = shown.and_then(|(_, id)| data.event(&id).cloned()) else {
                    return view! { <p class="hint">{s.pick_event()}</p> }.into_any();
                };
                let source = data.source(&event.cite.source).cloned();
                let actors = event
                    .actors
                    .iter()
                    .map(|a| data.name(a).map_or(a.clone(), |n| n.get(lang).to_string()))
                    .collect::<Vec<_>>()
                    .join(crate::i18n::strings(lang).enum_sep());
                let source_view = source.map(|src| {
                    let link = match &src.url {
                        Some(url) if is_http_url(url) => view! {
                            <a href=url.clone() rel="noopener noreferrer" target="_blank">{src.title.clone()}</a>
                        }.into_any(),
                        Some(url) => view! { <span>{src.title.clone()}" "<code>{url.clone()}</code>{s.not_a_link()}</span> }.into_any(),
                        None => view! { <span>{src.title.clone()}" ("{s.no_url()}")"</span> }.into_any(),
                    };
                    let published = src.published.parse().map(|d| fmt::date(&d, lang)).unwrap_or(src.published.clone());
                    view! { <p class="source">{s.source()}": "{src.outlet.get(lang).to_string()}", "{published}" — "{link}</p> }
                });
                let uncertain = (!event.uncertain.is_empty()).then(|| {
                    let fields = event.uncertain.iter().map(|f| uncertain_field_name(f, lang)).collect::<Vec<_>>().join(", ");
                    view! { <p class="uncertain"><strong>{s.uncertain()}": "</strong>{fields}</p> }
                });
                let note = event.note.as_ref().map(|n| view! { <p class="note"><strong>{s.note()}": "</strong>{n.get(lang).to_string()}</p> });
                let metric = event.metric.as_ref().map(|m| {
                    let as_of = m.as_of.parse().map(|d| fmt::date(&d, lang)).unwrap_or(m.as_of.clone());
                    view! { <p class="metric"><strong>{s.metric()}": "</strong>{fmt::metric(m, lang)}" ("{as_of}")"</p> }
                });
                // What came before the event, where its text says so, with that quote and its source.
                let before = event.before.as_ref().map(|b| {
                    let rule = crate::i18n::rule_text(hutong_core::route::Rule::Before, Some(b.state), lang);
                    let outlet = data.source(&b.source).map(|src| src.outlet.get(lang).to_string()).unwrap_or_default();
                    view! {
                        <div class="before" data-testid="before">
                            <p><span class="ground ground-inferred">{crate::i18n::explorer_strings(lang).inferred()}</span>" "{rule}</p>
                            <blockquote class="quote" lang="zh">{b.quote.clone()}</blockquote>
                            <p class="muted">{outlet}</p>
                        </div>
                    }
                });
                view! {
                    <article data-testid="event-details" data-event-id=event.id.clone()>
                        <h3>{event.title.get(lang).to_string()}</h3>
                        <dl class="facts">
                            <dt>{s.date()}</dt>
                            <dd>{fmt::date(&event.date, lang)}" · "<span class="precision">{precision_name(event.date.precision(), lang)}</span></dd>
                            <dt>{s.status()}</dt>
                            <dd class=format!("status status-{:?}", event.status).to_lowercase()>{status_name(event.status, lang)}</dd>
                            <dt>{s.kind()}</dt>
                            <dd>{kind_name(event.kind, lang)}</dd>
                            <dt>{s.actors()}</dt>
                            <dd>{actors}</dd>
                        </dl>
                        <p class="summary">{event.summary.get(lang).to_string()}</p>
                        {metric}
                        <blockquote class="quote" lang="zh" data-testid="quote">{event.cite.quote.clone()}</blockquote>
                        {source_view}
                        {before}
                        {uncertain}
                        {note}
                        <div class="details-actions">
                            <button class="close" on:click=close>{s.close()}</button>
                            {
                                let id = event.id.clone();
                                view! {
                                    <button class="small" data-testid="details-edit" on:click=move |_| crate::editing::open(Some(id.clone()))>
                                        {crate::i18n::editor_strings(lang).edit()}
                                    </button>
                                }
                            }
                            {(!event.effects.is_empty()).then(|| {
                                let id = event.id.clone();
                                let e = crate::i18n::explorer_strings(lang);
                                view! {
                                    <button data-testid="details-switch-off" aria-pressed=if is_off { "true" } else { "false" }
                                        on:click=move |_| crate::explorer::toggle_off(id.clone())>
                                        {if is_off { e.switch_on() } else { e.switch_off() }}
                                    </button>
                                }
                            })}
                        </div>
                        <crate::cite::Cite subject=crate::cite::Subject::Event />
                    </article>
                }
                .into_any()
            }}
        </section>
    }
}
