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
    role_before: "尚未发生，但表明此前的状态",
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
    role_before: "not yet, but tells the state before it",
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
