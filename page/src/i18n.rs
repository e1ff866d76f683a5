//! Every word of the interface in both languages. Dataset text carries its own `zh`/`en`.

use hutong_core::{Kind, Lang, Precision, Status};

/// The interface's fixed strings for one language.
pub struct Strings {
    pub app_title: &'static str,
    pub tagline: &'static str,
    pub language: &'static str,
    pub other_lang_label: &'static str,
    pub timeline: &'static str,
    pub timeline_hint: &'static str,
    pub filters: &'static str,
    pub actor: &'static str,
    pub all_actors: &'static str,
    pub kinds: &'static str,
    pub events_shown: &'static str,
    pub of_total: &'static str,
    pub details: &'static str,
    pub pick_event: &'static str,
    pub close: &'static str,
    pub date: &'static str,
    pub status: &'static str,
    pub kind: &'static str,
    pub actors: &'static str,
    pub source: &'static str,
    pub quote: &'static str,
    pub no_url: &'static str,
    pub not_a_link: &'static str,
    pub uncertain: &'static str,
    pub note: &'static str,
    pub metric: &'static str,
    pub legend_point: &'static str,
    pub legend_span: &'static str,
    pub legend_open: &'static str,
    pub event_list: &'static str,
    pub notice_unknown: &'static str,
    pub notice_malformed: &'static str,
    pub dismiss: &'static str,
    pub undated: &'static str,
    pub dataset_version: &'static str,
}

pub const ZH: Strings = Strings {
    app_title: "互通 Hutong",
    tagline: "中国互联网平台如何彼此筑墙，又如何被要求重新互联互通——每条事实都有出处。",
    language: "语言",
    other_lang_label: "English",
    timeline: "时间轴",
    timeline_hint: "点击或按回车查看事件详情。",
    filters: "筛选",
    actor: "主体",
    all_actors: "全部主体",
    kinds: "类型",
    events_shown: "显示事件",
    of_total: "共",
    details: "事件详情",
    pick_event: "在时间轴上选择一个事件，查看摘要、状态、引文和出处。",
    close: "关闭",
    date: "日期",
    status: "状态",
    kind: "类型",
    actors: "主体",
    source: "出处",
    quote: "引文",
    no_url: "原文无网址",
    not_a_link: "（非 http(s) 地址，不作链接）",
    uncertain: "来源未定的字段",
    note: "说明",
    metric: "数据",
    legend_point: "圆点：确切到日",
    legend_span: "横条：月、季度、年或区间",
    legend_open: "虚线端：只知道一侧的界限",
    event_list: "事件列表",
    notice_unknown: "链接中的参数无法识别，已改用默认值",
    notice_malformed: "链接中的参数格式有误，已改用默认值",
    dismiss: "知道了",
    undated: "无日期",
    dataset_version: "数据集版本",
};

pub const EN: Strings = Strings {
    app_title: "Hutong 互通",
    tagline: "How China's internet platforms walled themselves off, and were made to reconnect — every fact cited.",
    language: "Language",
    other_lang_label: "中文",
    timeline: "Timeline",
    timeline_hint: "Click an event, or press Enter on it, to see its details.",
    filters: "Filters",
    actor: "Actor",
    all_actors: "All actors",
    kinds: "Kinds",
    events_shown: "Events shown",
    of_total: "of",
    details: "Event details",
    pick_event: "Pick an event on the timeline to see its summary, status, quote and source.",
    close: "Close",
    date: "Date",
    status: "Status",
    kind: "Kind",
    actors: "Actors",
    source: "Source",
    quote: "Quote",
    no_url: "the article has no URL",
    not_a_link: "(not an http(s) address, so not linked)",
    uncertain: "Left open by the sources",
    note: "Note",
    metric: "Figure",
    legend_point: "Dot: known to the day",
    legend_span: "Bar: a month, quarter, year or range",
    legend_open: "Dashed end: bounded on one side only",
    event_list: "Event list",
    notice_unknown: "A parameter in the link was not recognised; the default is used",
    notice_malformed: "A parameter in the link is malformed; the default is used",
    dismiss: "Dismiss",
    undated: "Undated",
    dataset_version: "Dataset version",
};

pub fn strings(lang: Lang) -> &'static Strings {
    match lang {
        Lang::Zh => &ZH,
        Lang::En => &EN,
    }
}

pub fn kind_name(kind: Kind, lang: Lang) -> &'static str {
    let (zh, en) = match kind {
        Kind::Block => ("封锁", "Block"),
        Kind::Open => ("开放", "Opening"),
        Kind::Partnership => ("合作", "Partnership"),
        Kind::Launch => ("上线", "Launch"),
        Kind::Regulation => ("监管", "Regulation"),
        Kind::Policy => ("政策", "Policy"),
        Kind::Metric => ("数据", "Figure"),
        Kind::Statement => ("表态", "Statement"),
    };
    pick(lang, zh, en)
}

pub fn status_name(status: Status, lang: Lang) -> &'static str {
    let (zh, en) = match status {
        Status::Effective => ("已生效", "in effect"),
        Status::Announced => ("已宣布，未生效", "announced, not yet in effect"),
        Status::Inferred => ("推断", "inferred"),
        Status::Partial => ("部分", "partial"),
        Status::Beta => ("内测", "beta"),
        Status::Gradual => ("逐步开放", "gradual roll-out"),
    };
    pick(lang, zh, en)
}

pub fn precision_name(precision: Precision, lang: Lang) -> &'static str {
    let (zh, en) = match precision {
        Precision::Day => ("确切到日", "to the day"),
        Precision::Month => ("只知月份", "month only"),
        Precision::Quarter => ("只知季度", "quarter only"),
        Precision::Year => ("只知年份", "year only"),
        Precision::Range => ("只知区间", "a range"),
        Precision::Before => ("只知不晚于", "no later than"),
        Precision::After => ("只知不早于", "no earlier than"),
        Precision::Undated => ("无日期", "undated"),
    };
    pick(lang, zh, en)
}

pub fn uncertain_field_name(field: &str, lang: Lang) -> String {
    let (zh, en) = match field {
        "date" => ("日期", "date"),
        "actors" => ("主体（谁做的）", "actors (who did it)"),
        "direction" => ("方向", "direction"),
        "status" => ("状态", "status"),
        "effects" => ("影响的通道", "channels affected"),
        other => return other.to_string(),
    };
    pick(lang, zh, en).to_string()
}

fn pick(lang: Lang, zh: &'static str, en: &'static str) -> &'static str {
    match lang {
        Lang::Zh => zh,
        Lang::En => en,
    }
}

pub const ALL_KINDS: [Kind; 8] = [
    Kind::Block,
    Kind::Open,
    Kind::Partnership,
    Kind::Launch,
    Kind::Regulation,
    Kind::Policy,
    Kind::Metric,
    Kind::Statement,
];

/// The kind's id as it appears in data and URLs.
pub fn kind_id(kind: Kind) -> &'static str {
    match kind {
        Kind::Block => "block",
        Kind::Open => "open",
        Kind::Partnership => "partnership",
        Kind::Launch => "launch",
        Kind::Regulation => "regulation",
        Kind::Policy => "policy",
        Kind::Metric => "metric",
        Kind::Statement => "statement",
    }
}

pub fn kind_from_id(id: &str) -> Option<Kind> {
    ALL_KINDS.into_iter().find(|k| kind_id(*k) == id)
}

/// The explorer's words.
pub struct ExplorerStrings {
    pub heading: &'static str,
    pub intro: &'static str,
    pub date: &'static str,
    pub from: &'static str,
    pub shop: &'static str,
    pub pay: &'static str,
    pub verdict: &'static str,
    pub between: &'static str,
    pub and: &'static str,
    pub reach: &'static str,
    pub payment: &'static str,
    pub own_app: &'static str,
    pub silent: &'static str,
    pub via: &'static str,
    pub alternatives: &'static str,
    pub show_quote: &'static str,
    pub switch_off: &'static str,
    pub switch_on: &'static str,
    pub switched_off: &'static str,
    pub none_off: &'static str,
    pub actual: &'static str,
    pub counterfactual: &'static str,
    pub made_difference: &'static str,
    pub all_instruments: &'static str,
    pub reset_off: &'static str,
    pub role_in_effect: &'static str,
    pub role_maybe: &'static str,
    pub role_before: &'static str,
    pub role_not_yet: &'static str,
    pub role_announced: &'static str,
    pub stated: &'static str,
    pub inferred: &'static str,
    pub stated_hint: &'static str,
    pub inferred_hint: &'static str,
    pub before_quote: &'static str,
    pub in_event: &'static str,
}

pub const EXPLORER_ZH: ExplorerStrings = ExplorerStrings {
    heading: "路径查询",
    intro: "某一天，在某处看到商品的顾客，能否到达商家并用某种方式付款？依据是哪些事件？",
    date: "日期",
    from: "在哪里看到",
    shop: "商家",
    pay: "支付方式",
    verdict: "结论",
    between: "介于",
    and: "与",
    reach: "到达商家",
    payment: "付款",
    own_app: "商家自己的应用，无需跳转",
    silent: "来源没有提到这一步",
    via: "绕行方式",
    alternatives: "其他路径",
    show_quote: "引文",
    switch_off: "假设没有发生",
    switch_on: "恢复",
    switched_off: "假设没有发生的事件",
    none_off: "无（真实历史）",
    actual: "真实历史",
    counterfactual: "反事实",
    made_difference: "造成差别",
    all_instruments: "各支付方式的结论",
    reset_off: "全部恢复",
    role_in_effect: "已生效",
    role_maybe: "可能已生效（日期或方向未定）",
    role_before: "尚未发生，但原文说明了此前的状态",
    role_not_yet: "尚未发生，也未说明此前的状态",
    role_announced: "已宣布，来源未说已生效",
    stated: "原文所述",
    inferred: "推断",
    stated_hint: "原文所述：引文直接说明",
    inferred_hint: "推断：超出引文的一步，注明所用规则",
    before_quote: "说明此前状态的引文",
    in_event: "见事件",
};

pub const EXPLORER_EN: ExplorerStrings = ExplorerStrings {
    heading: "Journey explorer",
    intro: "On a given day, can a shopper who meets an offer somewhere reach the merchant and pay with a given instrument — and which events decide it?",
    date: "Date",
    from: "Offer seen on",
    shop: "Merchant",
    pay: "Pays with",
    verdict: "Verdict",
    between: "between",
    and: "and",
    reach: "Reaching the merchant",
    payment: "Paying",
    own_app: "the merchant's own app: no channel needed",
    silent: "the sources say nothing of this step",
    via: "by",
    alternatives: "Other routes",
    show_quote: "Quote",
    switch_off: "What if this had not happened?",
    switch_on: "Restore",
    switched_off: "Events switched off",
    none_off: "none (actual history)",
    actual: "Actual history",
    counterfactual: "Counterfactual",
    made_difference: "made the difference",
    all_instruments: "Every instrument for this journey",
    reset_off: "Restore all",
    role_in_effect: "in effect",
    role_maybe: "may apply (date or direction not given)",
    role_before: "not yet, but its text says what came before",
    role_not_yet: "not yet, and it says nothing of what came before",
    role_announced: "announced; no source says it took effect",
    stated: "stated",
    inferred: "inferred",
    stated_hint: "stated: a quote says so",
    inferred_hint: "inferred: a step beyond the quotes, with the rule named",
    before_quote: "The quote on what came before",
    in_event: "in",
};

pub fn explorer_strings(lang: Lang) -> &'static ExplorerStrings {
    match lang {
        Lang::Zh => &EXPLORER_ZH,
        Lang::En => &EXPLORER_EN,
    }
}

pub fn word_name(word: hutong_core::route::Word, lang: Lang) -> &'static str {
    use hutong_core::route::Word;
    let (zh, en) = match word {
        Word::Direct => ("直接可行", "direct"),
        Word::Workaround => ("只能绕行", "workaround only"),
        Word::Partial => ("部分可行", "partly"),
        Word::Announced => ("已宣布，未生效", "announced, not yet"),
        Word::Blocked => ("不可行", "blocked"),
        Word::Undecided => ("来源未定", "undecided"),
    };
    pick(lang, zh, en)
}

pub fn level_name(level: hutong_core::route::Level, lang: Lang) -> &'static str {
    use hutong_core::route::{Level, Word};
    let word = match level {
        Level::Direct => Word::Direct,
        Level::Workaround => Word::Workaround,
        Level::Partial => Word::Partial,
        Level::Announced => Word::Announced,
        Level::Blocked => Word::Blocked,
    };
    word_name(word, lang)
}

pub fn channel_name(channel: hutong_core::Channel, lang: Lang) -> &'static str {
    use hutong_core::Channel;
    let (zh, en) = match channel {
        Channel::Link => ("链接", "link"),
        Channel::Ad => ("广告跳转", "ad"),
        Channel::MiniProgram => ("小程序", "mini program"),
        Channel::Qr => ("扫二维码", "QR code"),
        Channel::Pay => ("收款", "accepts"),
        Channel::Interop => ("条码互通", "code interoperability"),
        Channel::Account => ("账号绑定", "account binding"),
    };
    pick(lang, zh, en)
}

/// The words of the dataset panel, the import's messages and the page-level controls.
pub struct DataStrings {
    pub heading: &'static str,
    pub intro: &'static str,
    pub imported: &'static str,
    pub synthetic: &'static str,
    pub events: &'static str,
    pub import: &'static str,
    pub drop: &'static str,
    pub replace: &'static str,
    pub replace_hint: &'static str,
    pub merge: &'static str,
    pub merge_hint: &'static str,
    pub reading: &'static str,
    pub failed: &'static str,
    pub nothing_changed: &'static str,
    pub and_more: &'static str,
    pub done: &'static str,
    pub added: &'static str,
    pub replaced: &'static str,
    pub removed: &'static str,
    pub kept: &'static str,
    pub bom: &'static str,
    pub crlf: &'static str,
    pub not_saved: &'static str,
    pub saved: &'static str,
    pub export_json: &'static str,
    pub export_events_csv: &'static str,
    pub export_reference_csv: &'static str,
    pub reset: &'static str,
    pub reset_done: &'static str,
    pub examples: &'static str,
    pub schema: &'static str,
    pub line: &'static str,
    pub row: &'static str,
    pub column: &'static str,
    pub item: &'static str,
    pub field: &'static str,
    pub open_full: &'static str,
}

pub const DATA_ZH: DataStrings = DataStrings {
    heading: "你的数据：导入与导出",
    intro: "导入 JSON 或 CSV 数据集（可多选文件），时间轴、路由、模拟和网络图都会改用它；数据保存在本机浏览器中。",
    imported: "导入的数据集",
    synthetic: "合成测试数据集",
    events: "个事件",
    import: "导入文件（JSON 或 CSV）",
    drop: "也可以把文件拖放到这里。",
    replace: "替换",
    replace_hint: "导入的事件取代全部事件；文件未提供的参考列表沿用当前的",
    merge: "合并",
    merge_hint: "并入当前数据集；同一 id 以导入的为准",
    reading: "正在读取……",
    failed: "文件有问题，未能导入",
    nothing_changed: "当前数据集没有任何改变。",
    and_more: "另有 {n} 个问题未列出。",
    done: "已导入",
    added: "新增事件",
    replaced: "替换事件",
    removed: "移除事件",
    kept: "沿用当前数据集的列表",
    bom: "文件开头的字节顺序标记（BOM）已去除",
    crlf: "Windows 换行（CRLF）已按 LF 读取",
    not_saved: "无法保存在本机（{e}）：刷新后会丢失，请先导出。",
    saved: "已保存在本机，刷新后仍在。",
    export_json: "导出 JSON",
    export_events_csv: "导出事件 CSV",
    export_reference_csv: "导出参考列表 CSV",
    reset: "恢复内置数据集",
    reset_done: "已恢复内置数据集；本机保存的导入数据已删除。",
    examples: "示例文件",
    schema: "格式说明",
    line: "第 {n} 行",
    row: "第 {n} 行",
    column: "第 {n} 列",
    item: "条目",
    field: "字段",
    open_full: OPEN_FULL[0],
};

pub const DATA_EN: DataStrings = DataStrings {
    heading: "Your data: import and export",
    intro: "Import a dataset as JSON or CSV (several files at once if you like); the timeline, routing, simulation and network all switch to it. It is kept in this browser.",
    imported: "Imported dataset",
    synthetic: "Synthetic test dataset",
    events: "events",
    import: "Import files (JSON or CSV)",
    drop: "Or drop files here.",
    replace: "Replace",
    replace_hint: "the imported events replace all events; reference lists the files lack are kept",
    merge: "Merge",
    merge_hint: "add to the dataset in use; an imported item wins over one with the same id",
    reading: "Reading…",
    failed: "The files have problems and were not imported",
    nothing_changed: "The dataset in use has not changed.",
    and_more: "{n} more problems are not listed.",
    done: "Imported",
    added: "events added",
    replaced: "events replaced",
    removed: "events removed",
    kept: "lists kept from the dataset in use",
    bom: "a byte-order mark at the start was removed",
    crlf: "Windows line ends (CRLF) were read as LF",
    not_saved: "Could not be saved in this browser ({e}): it will be gone after a reload, so export it first.",
    saved: "Saved in this browser; it survives a reload.",
    export_json: "Export JSON",
    export_events_csv: "Export events CSV",
    export_reference_csv: "Export reference CSV",
    reset: "Reset to the embedded dataset",
    reset_done: "Back to the embedded dataset; the imported dataset saved in this browser was deleted.",
    examples: "Example files",
    schema: "the format",
    line: "line {n}",
    row: "row {n}",
    column: "column {n}",
    item: "item",
    field: "field",
    open_full: OPEN_FULL[1],
};

pub fn data_strings(lang: Lang) -> &'static DataStrings {
    match lang {
        Lang::Zh => &DATA_ZH,
        Lang::En => &DATA_EN,
    }
}

/// A loader problem in the interface's language (the English is the core's `Display`).
pub fn problem(p: &hutong_core::Problem, lang: Lang) -> String {
    use hutong_core::Problem as P;
    if lang == Lang::En {
        return p.to_string();
    }
    match p {
        P::Syntax(m) => format!("不是有效的 JSON：{m}"),
        P::Schema(m) => format!("不符合数据格式：{m}"),
        P::BadId(id) => format!("“{id}”不是合法的 id（只能用小写字母、数字和短横线）"),
        P::DuplicateId { id, first_line } => format!("id “{id}”重复（第一次出现在第 {first_line} 行）"),
        P::UnknownId { list, id } => format!("“{id}”不在 {list} 列表中"),
        P::BadDate(e) => format!("日期有误：{e}"),
        P::Empty => "不能为空".into(),
        P::Via => "`via` 只能用于绕行（必填）或关闭（可选）".into(),
        P::BadUncertain(s) => format!("“{s}”不是可标为“来源未定”的字段"),
        P::NoEvents => "数据集没有事件".into(),
        P::OrderCycle(id) => format!("`after` 使“{id}”排在自己之前（循环或与日期矛盾）"),
        P::TooLarge { bytes, limit } => format!("文件有 {bytes} 字节，上限为 {limit} 字节"),
        P::TooManyEvents { count, limit } => format!("数据集有 {count} 个事件，上限为 {limit} 个"),
        P::TooDeep { limit } => format!("括号嵌套超过 {limit} 层"),
        P::NotUtf8 => "文件不是 UTF-8 文本".into(),
        P::Column(m) => format!("表头有误：{m}"),
        P::Cells { found, expected } => format!("这一行有 {found} 个单元格，表头有 {expected} 个"),
        P::Cell(m) => format!("单元格无法读取：{m}"),
    }
}

/// Where a problem is: `events.csv, row 3, column D, item b, field date`.
pub fn place(d: &hutong_core::Diagnostic, lang: Lang) -> String {
    let w = data_strings(lang);
    let mut parts = Vec::new();
    if !d.file.is_empty() {
        parts.push(d.file.clone());
    }
    if d.csv {
        parts.push(w.row.replace("{n}", &d.line.to_string()));
        parts.push(w.column.replace("{n}", &column_letters(d.column)));
    } else {
        parts.push(w.line.replace("{n}", &d.line.to_string()));
        parts.push(w.column.replace("{n}", &d.column.to_string()));
    }
    if let Some(item) = &d.item {
        parts.push(format!("{} {item}", w.item));
    }
    if let Some(field) = &d.field {
        parts.push(format!("{} {field}", w.field));
    }
    parts.join(if lang == Lang::Zh { "，" } else { ", " })
}

/// Spreadsheet column letters: 1 → A, 27 → AA.
pub fn column_letters(mut n: usize) -> String {
    let mut out = Vec::new();
    while n > 0 {
        let r = (n - 1) % 26;
        out.push(b'A' + r as u8);
        n = (n - 1) / 26;
    }
    out.reverse();
    String::from_utf8(out).unwrap_or_default()
}

/// What a routing rule means, for a reader: why a step goes beyond its quotes. `prior` is the
/// state a `before` says (for [`Rule::Before`]).
pub fn rule_text(rule: hutong_core::route::Rule, prior: Option<hutong_core::Prior>, lang: Lang) -> &'static str {
    use hutong_core::route::Rule;
    use hutong_core::Prior;
    let (zh, en) = match (rule, prior) {
        (Rule::Before, Some(Prior::Closed)) => {
            ("此前视为关闭：原文说明了事件之前的状态", "assumed closed before: the text says what came before")
        }
        (Rule::Before, _) => {
            ("此前视为开放：原文说明了事件之前的状态", "assumed open before: the text says what came before")
        }
        (Rule::NoWorkaroundYet, _) => {
            ("没有来源说这条绕行路径此时已经存在", "no source says this workaround existed yet")
        }
        (Rule::MayHaveTakenEffect, _) => (
            "只是宣布：此后任何一天都可能已生效，也可能没有",
            "only announced: it may have taken effect on any later day, or not",
        ),
        (Rule::Reading, _) => {
            ("整理者对原文的解读（见事件说明）", "the curators' reading of the text (see the event's note)")
        }
        (Rule::ChannelsRead, _) => (
            "原文没有逐一点明这些通道，这是整理者的解读",
            "the text does not name these channels; this is the curators' reading",
        ),
        (Rule::OwnApp, _) => ("商家自己的应用，无需经过任何通道", "the merchant's own app: no channel to cross"),
        (Rule::Interop, _) => (
            "商家接受另一种支付方式，而两者的付款码互通",
            "the merchant takes another instrument whose codes this one's work with",
        ),
        (Rule::Persists, _) => (
            "延续：最后证实之后再无来源提及，推定状态未变",
            "persists: no source says it after it was last confirmed; assumed unchanged since",
        ),
        (Rule::WideTarget, _) => (
            "范围比引文宽：原文没有点名这一方，这是整理者的解读",
            "wider than its quote: the text does not name this end; the curators' reading",
        ),
    };
    pick(lang, zh, en)
}

/// A rule in a few words, as a verdict's grounds name it ("inferred: persists"); `rule_text` says
/// what it means, beside each step of the route.
pub fn rule_label(rule: hutong_core::route::Rule, lang: Lang) -> &'static str {
    use hutong_core::route::Rule;
    let (zh, en) = match rule {
        Rule::Before => ("此前的状态", "state before"),
        Rule::NoWorkaroundYet => ("尚无绕行", "no workaround yet"),
        Rule::MayHaveTakenEffect => ("可能已生效", "may have taken effect"),
        Rule::Reading => ("整理者的解读", "the curators' reading"),
        Rule::ChannelsRead => ("通道未点明", "channels not named"),
        Rule::OwnApp => ("商家自己的应用", "own app"),
        Rule::Interop => ("付款码互通", "codes interoperate"),
        Rule::Persists => ("延续", "persists"),
        Rule::WideTarget => ("范围比引文宽", "wider than its quote"),
    };
    pick(lang, zh, en)
}

/// Between a verdict's word and how it is known: "direct — stated".
pub const GROUNDS_SEP: &str = " — ";

/// How a decided verdict is known, in words: "stated" / "原文所述", or "inferred: persists; last
/// confirmed 3 Jun 2014" / "推断：延续；最后证实于2014年6月3日" (the rules in a few words each, and
/// the day the oldest state carried forward was last confirmed). Every surface that shows a
/// verdict's grounds writes them with this (or [`grounds_text`]).
pub fn grounds_how(grounds: &hutong_core::route::Grounds, lang: Lang) -> String {
    let s = explorer_strings(lang);
    if grounds.stated() {
        return s.stated.to_string();
    }
    let zh = lang == Lang::Zh;
    let mut out = String::from(s.inferred);
    out.push_str(if zh { "：" } else { ": " });
    for (k, rule) in grounds.rules.iter().enumerate() {
        if k > 0 {
            out.push_str(if zh { "、" } else { ", " });
        }
        out.push_str(rule_label(rule, lang));
    }
    if let Some(day) = grounds.confirmed {
        out.push_str(if zh { "；最后证实于" } else { "; last confirmed " });
        out.push_str(&crate::fmt::day(day, lang));
    }
    out
}

/// A decided verdict with its grounds: "direct — stated", "blocked — inferred: persists; last
/// confirmed 3 Jun 2014" (the word is the verdict's own).
pub fn grounds_text(grounds: &hutong_core::route::Grounds, word: hutong_core::route::Word, lang: Lang) -> String {
    let mut out = String::from(word_name(word, lang));
    out.push_str(GROUNDS_SEP);
    out.push_str(&grounds_how(grounds, lang));
    out
}

/// The words of the search and of "Cite this" (issue 15; in the `rest` part).
pub struct ToolStrings {
    pub search_heading: &'static str,
    pub search_placeholder: &'static str,
    pub search_hint: &'static str,
    pub search_results: &'static str,
    /// `{n}` events match (more than one).
    pub search_count: &'static str,
    pub search_count_one: &'static str,
    pub search_none: &'static str,
    /// Only the first `{n}` are listed.
    pub search_more: &'static str,
    pub cite_event: &'static str,
    pub cite_journey: &'static str,
    pub cite_view: &'static str,
    pub copy: &'static str,
    /// `{f}` is the format's name.
    pub copied: &'static str,
    pub copy_fallback: &'static str,
    pub nothing_to_cite: &'static str,
    pub accessed: &'static str,
    pub licence: &'static str,
    /// "Licence:" before the dataset's licence, in the footer.
    pub licence_label: &'static str,
    pub dataset_version: &'static str,
    pub colon: &'static str,
    pub list_sep: &'static str,
    /// A counterfactual's events, `{events}`.
    pub journey_off: &'static str,
    pub deciding: &'static str,
    pub no_deciding: &'static str,
    pub view_title: &'static str,
    pub view_journey: &'static str,
    pub view_event: &'static str,
    pub view_search: &'static str,
}

pub const TOOLS_ZH: ToolStrings = ToolStrings {
    search_heading: "搜索事件",
    search_placeholder: "例如：淘宝微信支付",
    search_hint: "搜索标题、摘要、引文、说明、主体和出处。↑↓ 选择，回车打开，Esc 清除。",
    search_results: "搜索结果",
    search_count: "找到 {n} 个事件",
    search_count_one: "找到 1 个事件",
    search_none: "没有匹配的事件",
    search_more: "只列出前 {n} 个",
    cite_event: "引用此事件",
    cite_journey: "引用这个回答",
    cite_view: "引用当前视图",
    copy: "复制",
    copied: "已复制 {f}。",
    copy_fallback: "无法使用剪贴板：已选中 {f} 文本，请按 Ctrl+C（⌘C）复制。",
    nothing_to_cite: "没有可引用的内容。",
    accessed: "访问日期",
    licence: "许可",
    licence_label: "数据许可：",
    dataset_version: "数据集版本",
    colon: "：",
    list_sep: "；",
    journey_off: "（反事实：假设没有{events}）",
    deciding: "决定结论的事件：",
    no_deciding: "没有事件决定这一结论（来源未提及）",
    view_title: "互通 Hutong：中国互联网平台的筑墙与互联互通",
    view_journey: "视图：{date}，{from} → {shop}，{pay}",
    view_event: "事件",
    view_search: "搜索",
};

pub const TOOLS_EN: ToolStrings = ToolStrings {
    search_heading: "Search the events",
    search_placeholder: "e.g. Taobao WeChat Pay, 淘宝微信支付",
    search_hint: "Titles, summaries, quotes, notes, actors and sources. ↑↓ to move, Enter to open, Esc to clear.",
    search_results: "Search results",
    search_count: "{n} events match",
    search_count_one: "1 event matches",
    search_none: "No event matches",
    search_more: "the first {n} are listed",
    cite_event: "Cite this event",
    cite_journey: "Cite this answer",
    cite_view: "Cite this view",
    copy: "Copy",
    copied: "{f} copied.",
    copy_fallback: "The clipboard is not available: the {f} text is selected; press Ctrl+C (⌘C) to copy it.",
    nothing_to_cite: "Nothing to cite.",
    accessed: "accessed",
    licence: "licence",
    licence_label: "Data licence: ",
    dataset_version: "Dataset version",
    colon: ": ",
    list_sep: "; ",
    journey_off: " (counterfactual: without {events})",
    deciding: "Deciding events: ",
    no_deciding: "No event decides it (the sources are silent)",
    view_title: "Hutong (互通): how China's internet platforms walled themselves off and reconnected",
    view_journey: "View: {date}, {from} → {shop}, {pay}",
    view_event: "event",
    view_search: "search",
};

pub fn tool_strings(lang: Lang) -> &'static ToolStrings {
    match lang {
        Lang::Zh => &TOOLS_ZH,
        Lang::En => &TOOLS_EN,
    }
}

/// A searched field's name, beside the excerpt where a query matched.
pub fn field_name(field: hutong_core::search::Field, lang: Lang) -> &'static str {
    use hutong_core::search::Field;
    let (zh, en) = match field {
        Field::Title => ("标题", "Title"),
        Field::Summary => ("摘要", "Summary"),
        Field::Quote => ("引文", "Quote"),
        Field::Note => ("说明", "Note"),
        Field::Actors => ("主体", "Actors"),
        Field::Source => ("出处", "Source"),
    };
    pick(lang, zh, en)
}
/// The toolbar's words (stories, theme, printing) and the evidence sheet's (`story.rs`,
/// `theme.rs`, `evidence.rs`).
pub struct StoryStrings {
    pub toolbar: &'static str,
    pub stories: &'static str,
    pub story: &'static str,
    /// "Step {k} of {n}".
    pub step_of: &'static str,
    pub prev: &'static str,
    pub next: &'static str,
    pub leave: &'static str,
    pub keys: &'static str,
    pub theme: &'static str,
    /// Auto, light, dark, high contrast (in `Theme::ALL` order).
    pub themes: [&'static str; 4],
    pub print: &'static str,
    pub print_hint: &'static str,
    pub sheet: &'static str,
    /// "On {date}, can a shopper who meets an offer on {from} reach {shop} and pay with {pay}?"
    pub route: &'static str,
    pub no_route: &'static str,
    pub best_route: &'static str,
    /// "{n} other routes (in the app)".
    pub other_routes: &'static str,
    pub deciding: &'static str,
    pub none_deciding: &'static str,
    pub permalink: &'static str,
    pub printed: &'static str,
    pub dataset: &'static str,
    pub ground: &'static str,
    pub quoted_above: &'static str,
    pub stories_loaded: &'static str,
}

pub const STORY_ZH: StoryStrings = StoryStrings {
    toolbar: TOOLBAR[0],
    stories: "导览",
    story: "导览",
    step_of: "第 {k} 步，共 {n} 步",
    prev: "上一步",
    next: "下一步",
    leave: "退出导览",
    keys: "焦点在导览内时，可用 ← → 键翻页。",
    theme: "配色",
    themes: ["跟随系统", "浅色", "深色", "高对比度"],
    print: "打印证据单",
    print_hint: "把当前路径的结论、逐段路线、决定它的事件与引文打印成一至两页",
    sheet: "证据单",
    route: "路线（逐段）",
    no_route: "没有可走的路线",
    best_route: "最好的一条路线",
    other_routes: "另有 {n} 条路线（见应用）",
    deciding: "决定这一步的事件",
    none_deciding: "没有事件说到这一步",
    permalink: "永久链接",
    printed: "打印日期",
    dataset: "数据集版本",
    ground: "“原文所述”：引文直接说明；“推断”：超出引文的一步，注明所用规则。",
    quoted_above: "（引文见上）",
    stories_loaded: "已载入导览：{n} 个（保存在本浏览器中）。",
};

pub const STORY_EN: StoryStrings = StoryStrings {
    toolbar: TOOLBAR[1],
    stories: "Guided tours",
    story: "Story",
    step_of: "Step {k} of {n}",
    prev: "Previous",
    next: "Next",
    leave: "Leave the story",
    keys: "With the focus in the story, the ← → keys step through it.",
    theme: "Theme",
    themes: ["Auto (system)", "Light", "Dark", "High contrast"],
    print: "Print evidence sheet",
    print_hint: "Print the journey's verdict, its route hop by hop and the events and quotes that decide it, on one or two pages",
    sheet: "Evidence sheet",
    route: "The route, hop by hop",
    no_route: "no route",
    best_route: "the best route",
    other_routes: "{n} other routes (in the app)",
    deciding: "Deciding events",
    none_deciding: "no event speaks of this step",
    permalink: "Permalink",
    printed: "Printed",
    dataset: "Dataset version",
    ground: "“stated”: a quote says so; “inferred”: a step beyond the quotes, with its rule named.",
    quoted_above: "(quoted above)",
    stories_loaded: "Stories loaded: {n} (kept in this browser).",
};

/// Words the first screen shows on its own (Chinese, English), without the tables they belong to
/// (a table read on the first screen would bring all of its words into the first load).
pub const OPEN_FULL: [&str; 2] = ["打开完整视图", "Open the full view"];
pub const TOOLBAR: [&str; 2] = ["导览、配色与打印", "Stories, theme and printing"];
/// The URL's notices (`notices.rs`, first screen): a link made with another dataset, a saved
/// import that could not be read.
pub const NOTICE_OTHER_DATASET: [&str; 2] = [
    "此链接使用的数据集是 {want}，而你当前载入的是 {have}。请导入该数据集以看到完全相同的视图。",
    "This link was made with the dataset {want}; you have {have} loaded. Import that dataset to see exactly the same view.",
];
pub const NOTICE_OTHER_DATASET_EMBEDDED: [&str; 2] = [
    "此链接使用的是内置数据集，而你当前载入的是导入的数据集 {have}。恢复内置数据集可看到完全相同的视图。",
    "This link was made with the embedded dataset; you have the imported dataset {have} loaded. Reset to the embedded dataset to see exactly the same view.",
];
pub const NOTICE_SAVED_UNREADABLE: [&str; 2] = [
    "本机保存的导入数据集无法读取（{e}），现使用内置数据集；保存的数据未删除，重新导入或恢复内置数据集后才会被替换。",
    "The imported dataset saved in this browser could not be read ({e}), so the embedded dataset is in use; the saved data is kept until you import again or reset.",
];

pub const EMBEDDED: [&str; 2] = ["内置数据集", "Embedded dataset"];

/// The journey as a question (the citation's title, the evidence sheet's heading):
/// `explorer::journey_question` fills it.
pub const JOURNEY_QUESTION: [&str; 2] = [
    "{date}，在{from}看到商品的顾客，能否到达{shop}并用{pay}付款？",
    "On {date}, can a shopper who meets an offer on {from} reach {shop} and pay with {pay}?",
];

pub const COPY_LINK: [&str; 2] = ["复制链接", "Copy link"];
pub const COPIED: [&str; 2] = ["链接已复制", "Link copied"];
pub const COPY_FALLBACK: [&str; 2] =
    ["无法直接复制，请手动复制下面的链接：", "Could not copy; copy this link by hand:"];
pub const CITE_ANSWER: [&str; 2] = ["引用这个回答", "Cite this answer"];

/// A word of such a pair in the language.
pub fn in_lang(pair: [&'static str; 2], lang: Lang) -> &'static str {
    if lang == Lang::Zh {
        pair[0]
    } else {
        pair[1]
    }
}

pub fn story_strings(lang: Lang) -> &'static StoryStrings {
    match lang {
        Lang::Zh => &STORY_ZH,
        Lang::En => &STORY_EN,
    }
}

/// The words of "What the sources decide" (`decided.rs`, in the `rest` part).
pub struct DecidedStrings {
    pub title: &'static str,
    pub intro: &'static str,
    pub year: &'static str,
    pub every_year: &'static str,
    pub surface: &'static str,
    pub merchant: &'static str,
    pub instrument: &'static str,
    pub any: &'static str,
    /// `{n}` answers, `{stated}` stated, `{inferred}` inferred.
    pub count: &'static str,
    pub none: &'static str,
    pub day: &'static str,
    pub journey: &'static str,
    pub answer: &'static str,
    pub events: &'static str,
    pub open: &'static str,
    pub open_col: &'static str,
}

pub fn decided_strings(lang: Lang) -> &'static DecidedStrings {
    const ZH: DecidedStrings = DecidedStrings {
        title: "来源能判定什么",
        intro: "每年6月1日和每个事件之后的第二天，所有来源能给出确定结论的路径：结论、如何得知（原文所述，或推断及其规则），以及决定它的事件。其余的路径，来源没有定论。",
        year: "年份",
        every_year: "所有年份",
        surface: "入口",
        merchant: "商家",
        instrument: "支付方式",
        any: "全部",
        count: "{n}个确定的结论（{stated}个原文所述，{inferred}个推断）",
        none: "这些条件下，来源没有给出任何确定的结论。",
        day: "日期",
        journey: "路径",
        answer: "结论",
        events: "决定它的事件",
        open: "在探索器中打开",
        open_col: "探索器",
    };
    const EN: DecidedStrings = DecidedStrings {
        title: "What the sources decide",
        intro: "Every journey the sources decide, on each 1 June and on the day after every event: the verdict, how it is known (stated by a quote, or inferred, with its rules), and the events that decide it. Every other journey the sources leave undecided.",
        year: "Year",
        every_year: "Every year",
        surface: "Where the offer is met",
        merchant: "Merchant",
        instrument: "Instrument",
        any: "Any",
        count: "{n} decided answers ({stated} stated, {inferred} inferred)",
        none: "The sources decide no journey with these choices.",
        day: "Day",
        journey: "Journey",
        answer: "Answer",
        events: "Deciding events",
        open: "Open in the explorer",
        open_col: "Explorer",
    };
    match lang {
        Lang::Zh => &ZH,
        Lang::En => &EN,
    }
}
