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
