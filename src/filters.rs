use leptos::prelude::*;

use crate::i18n::{kind_id, kind_name, strings, ALL_KINDS};
use crate::state::{shown_events, use_ctx};

/// Actor and kind filters, and the count of events shown.
#[component]
pub fn Filters() -> impl IntoView {
    let ctx = use_ctx();
    // What the filters read of the view: they are not redone at a change of the day or the journey
    // (the actor's options are text to shape, and the count a pass over every event).
    let filter = Memo::new(move |_| ctx.view.with(|v| (v.kinds.clone(), v.actor.clone())));
    let actor = Memo::new(move |_| filter.with(|(_, a)| a.clone()));
    let count = Memo::new(move |_| {
        let (kinds, actor) = filter.get();
        let view = crate::url::ViewState { kinds, actor, ..ctx.view.get_untracked() };
        ctx.data.with(|d| shown_events(d, &view).len())
    });
    let total = move || ctx.data.with(|d| d.events.len());
    let on_actor = move |ev| {
        let value = event_target_value(&ev);
        ctx.update_view(|v| v.actor = (!value.is_empty()).then_some(value));
    };
    view! {
        <section class="filters" aria-label=move || strings(ctx.lang()).filters()>
            <label class="actor-filter">
                <span>{move || strings(ctx.lang()).actor()}</span>
                <select data-testid="actor-filter" on:change=on_actor prop:value=move || actor.get().unwrap_or_default()>
                    <option value="">{move || strings(ctx.lang()).all_actors()}</option>
                    {move || {
                        let lang = ctx.lang();
                        let data = ctx.data.get();
                        let current = actor.get();
                        data.owners.iter().map(|owner| {
                            let platforms = data.platforms.iter().filter(|p| p.owner == owner.id).map(|p| {
                                view! { <option value=p.id.clone() selected=current.as_deref() == Some(p.id.as_str())>{p.name.get(lang).to_string()}</option> }
                            }).collect_view();
                            view! {
                                <optgroup label=owner.name.get(lang).to_string()>
                                    <option value=owner.id.clone() selected=current.as_deref() == Some(owner.id.as_str())>
                                        {format!("{} ({})", owner.name.get(lang), crate::i18n::strings(lang).all())}
                                    </option>
                                    {platforms}
                                </optgroup>
                            }
                        }).collect_view()
                    }}
                </select>
            </label>
            <fieldset class="kind-filter">
                <legend>{move || strings(ctx.lang()).kinds()}</legend>
                {ALL_KINDS.into_iter().map(|kind| {
                    let checked = move || filter.with(|(kinds, _)| kinds.contains(&kind));
                    let toggle = move |_| ctx.update_view(|v| {
                        if v.kinds.contains(&kind) {
                            v.kinds.retain(|k| *k != kind);
                        } else {
                            v.kinds = ALL_KINDS.into_iter().filter(|k| *k == kind || v.kinds.contains(k)).collect();
                        }
                    });
                    view! {
                        <label class=format!("chip kind-{}", kind_id(kind))>
                            <input type="checkbox" data-testid="kind-filter" data-kind=kind_id(kind) prop:checked=checked on:change=toggle />
                            {move || kind_name(kind, ctx.lang())}
                        </label>
                    }
                }).collect_view()}
            </fieldset>
            <p class="count" aria-live="polite">
                {move || strings(ctx.lang()).events_shown()}": "
                <strong data-testid="event-count">{move || count.get()}</strong>
                " "{move || strings(ctx.lang()).of_total()}" "{total}
            </p>
        </section>
    }
}
