//! Every word of the interface in both languages. Dataset text carries its own `zh`/`en`.

use hutong_core::{Kind, Lang, Precision, Status};

/// Words in both languages, one key each: `words! { Name, getter { key: ["中文", "English"], … } }`
/// makes `getter(lang) -> Name` and a method per key, which gives that key's word in the language.
/// Each word is one method, so a module links only the words it reads (the first screen pays
/// for its words alone), and a word is written once, its two languages side by side.
macro_rules! words {
    ($(#[$what:meta])* $name:ident, $get:ident { $($(#[$doc:meta])* $key:ident: [$zh:expr, $en:expr $(,)?],)* }) => {
        $(#[$what])*
        #[derive(Clone, Copy)]
        pub struct $name(Lang);

        pub fn $get(lang: Lang) -> $name {
            $name(lang)
        }

        impl $name {
            $(
                $(#[$doc])*
                pub fn $key(self) -> &'static str {
                    in_lang([$zh, $en], self.0)
                }
            )*
        }
    };
}

words! {
    /// The interface's fixed strings for one language.
    Strings, strings {
        app_title: ["互通 Hutong", "Hutong 互通"],
        /// After a label, before what it labels.
        colon: ["：", ": "],
        /// Between the items of a list in running text.
        list_sep: ["；", "; "],
        /// Between clauses of one sentence.
        clause_sep: ["，", "; "],
        /// Between the names of an enumeration ("Alipay, WeChat Pay").
        enum_sep: ["、", ", "],
        /// The end of a sentence, before another.
        stop: ["。", ". "],
        /// A group as a whole ("Alibaba (all)").
        all: ["全部", "all"],
        /// A part of the page on its way (`loader.rs`): `{part}` is its name.
        loading: ["正在载入{part}…", "Loading {part}…"],
        /// A part that did not arrive.
        load_failed: [
            "{part}未能载入（网络中断或文件缺失）。页面其他部分不受影响。",
            "The {part} could not be loaded (the network failed or a file is missing). The rest of the page still works.",
        ],
        retry: ["重试", "Retry"],
        /// Words the first screen shows on its own (Chinese, English), without the tables they belong to
        /// (a table read on the first screen would bring all of its words into the first load).
        open_full: ["打开完整视图", "Open the full view"],
        toolbar: ["导览、配色与打印", "Stories, theme and printing"],
        /// The URL's notices (`notices.rs`, first screen): a link made with another dataset, a saved
        /// import that could not be read.
        notice_other_dataset: ["此链接使用的数据集是 {want}，而你当前载入的是 {have}。请导入该数据集以看到完全相同的视图。", "This link was made with the dataset {want}; you have {have} loaded. Import that dataset to see exactly the same view."],
        notice_other_dataset_embedded: ["此链接使用的是内置数据集，而你当前载入的是导入的数据集 {have}。恢复内置数据集可看到完全相同的视图。", "This link was made with the embedded dataset; you have the imported dataset {have} loaded. Reset to the embedded dataset to see exactly the same view."],
        notice_saved_unreadable: ["本机保存的导入数据集无法读取（{e}），现使用内置数据集；保存的数据未删除，重新导入或恢复内置数据集后才会被替换。", "The imported dataset saved in this browser could not be read ({e}), so the embedded dataset is in use; the saved data is kept until you import again or reset."],
        embedded: ["内置数据集", "Embedded dataset"],
        /// The journey as a question (the citation's title, the evidence sheet's heading):
        /// `explorer::journey_question` fills it.
        journey_question: ["{date}，在{from}看到商品的顾客，能否到达{shop}并用{pay}付款？", "On {date}, can a shopper who meets an offer on {from} reach {shop} and pay with {pay}?"],
        copy_link: ["复制链接", "Copy link"],
        copied: ["链接已复制", "Link copied"],
        copy_fallback: ["无法直接复制，请手动复制下面的链接：", "Could not copy; copy this link by hand:"],
        cite_answer: ["引用这个回答", "Cite this answer"],
        /// Between two sentences or a sentence and a label (none in Chinese).
        word_space: ["", " "],
        tagline: ["中国互联网平台如何彼此筑墙，又如何被要求重新互联互通——每条事实都有出处。", "How China's internet platforms walled themselves off, and were made to reconnect — every fact cited."],
        language: ["语言", "Language"],
        other_lang_label: ["English", "中文"],
        timeline: ["时间轴", "Timeline"],
        timeline_hint: ["点击或按回车查看事件详情。", "Click an event, or press Enter on it, to see its details."],
        filters: ["筛选", "Filters"],
        actor: ["主体", "Actor"],
        all_actors: ["全部主体", "All actors"],
        kinds: ["类型", "Kinds"],
        events_shown: ["显示事件", "Events shown"],
        of_total: ["共", "of"],
        details: ["事件详情", "Event details"],
        pick_event: ["在时间轴上选择一个事件，查看摘要、状态、引文和出处。", "Pick an event on the timeline to see its summary, status, quote and source."],
        close: ["关闭", "Close"],
        date: ["日期", "Date"],
        status: ["状态", "Status"],
        kind: ["类型", "Kind"],
        actors: ["主体", "Actors"],
        source: ["出处", "Source"],
        quote: ["引文", "Quote"],
        no_url: ["原文无网址", "the article has no URL"],
        not_a_link: ["（非 http(s) 地址，不作链接）", "(not an http(s) address, so not linked)"],
        uncertain: ["来源未定的字段", "Left open by the sources"],
        note: ["说明", "Note"],
        metric: ["数据", "Figure"],
        legend_point: ["圆点：确切到日", "Dot: known to the day"],
        legend_span: ["横条：月、季度、年或区间", "Bar: a month, quarter, year or range"],
        legend_open: ["虚线端：只知道一侧的界限", "Dashed end: bounded on one side only"],
        event_list: ["事件列表", "Event list"],
        notice_unknown: ["链接中的参数无法识别，已改用默认值", "A parameter in the link was not recognised; the default is used"],
        notice_malformed: ["链接中的参数格式有误，已改用默认值", "A parameter in the link is malformed; the default is used"],
        dismiss: ["知道了", "Dismiss"],
        undated: ["无日期", "Undated"],
        dataset_version: ["数据集版本", "Dataset version"],
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

words! {
    /// The explorer's words.
    ExplorerStrings, explorer_strings {
        heading: ["路径查询", "Journey explorer"],
        intro: ["某一天，在某处看到商品的顾客，能否到达商家并用某种方式付款？依据是哪些事件？", "On a given day, can a shopper who meets an offer somewhere reach the merchant and pay with a given instrument — and which events decide it?"],
        date: ["日期", "Date"],
        from: ["在哪里看到", "Offer seen on"],
        shop: ["商家", "Merchant"],
        pay: ["支付方式", "Pays with"],
        verdict: ["结论", "Verdict"],
        between: ["介于", "between"],
        and: ["与", "and"],
        reach: ["到达商家", "Reaching the merchant"],
        payment: ["付款", "Paying"],
        own_app: ["商家自己的应用，无需跳转", "the merchant's own app: no channel needed"],
        silent: ["来源没有提到这一步", "the sources say nothing of this step"],
        via: ["绕行方式", "by"],
        alternatives: ["其他路径", "Other routes"],
        show_quote: ["引文", "Quote"],
        switch_off: ["假设没有发生", "What if this had not happened?"],
        switch_on: ["恢复", "Restore"],
        switched_off: ["假设没有发生的事件", "Events switched off"],
        none_off: ["无（真实历史）", "none (actual history)"],
        actual: ["真实历史", "Actual history"],
        counterfactual: ["反事实", "Counterfactual"],
        made_difference: ["造成差别", "made the difference"],
        all_instruments: ["各支付方式的结论", "Every instrument for this journey"],
        reset_off: ["全部恢复", "Restore all"],
        role_in_effect: ["已生效", "in effect"],
        role_maybe: ["可能已生效（日期或方向未定）", "may apply (date or direction not given)"],
        role_before: ["尚未发生，但原文说明了此前的状态", "not yet, but its text says what came before"],
        role_not_yet: ["尚未发生，也未说明此前的状态", "not yet, and it says nothing of what came before"],
        role_announced: ["已宣布，来源未说已生效", "announced; no source says it took effect"],
        stated: ["原文所述", "stated"],
        inferred: ["推断", "inferred"],
        stated_hint: ["原文所述：引文直接说明", "stated: a quote says so"],
        inferred_hint: ["推断：超出引文的一步，注明所用规则", "inferred: a step beyond the quotes, with the rule named"],
        before_quote: ["说明此前状态的引文", "The quote on what came before"],
        in_event: ["见事件", "in"],
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

words! {
    /// The words of the dataset panel, the import's messages and the page-level controls.
    DataStrings, data_strings {
        /// A count of things in the import's summary: `{n}` of `{what}`.
        count: ["{what} {n} 个", "{n} {what}"],
        /// How many problems an import has, after "Import failed".
        one_problem: ["（1 个问题）。", " (1 problem). "],
        problems: ["（{n} 个问题）。", " ({n} problems). "],
        heading: ["你的数据：导入与导出", "Your data: import and export"],
        intro: ["导入 JSON 或 CSV 数据集（可多选文件），时间轴、路由、模拟和网络图都会改用它；数据保存在本机浏览器中。", "Import a dataset as JSON or CSV (several files at once if you like); the timeline, routing, simulation and network all switch to it. It is kept in this browser."],
        imported: ["导入的数据集", "Imported dataset"],
        synthetic: ["合成测试数据集", "Synthetic test dataset"],
        events: ["个事件", "events"],
        import: ["导入文件（JSON 或 CSV）", "Import files (JSON or CSV)"],
        drop: ["也可以把文件拖放到这里。", "Or drop files here."],
        replace: ["替换", "Replace"],
        replace_hint: ["导入的事件取代全部事件；文件未提供的参考列表沿用当前的", "the imported events replace all events; reference lists the files lack are kept"],
        merge: ["合并", "Merge"],
        merge_hint: ["并入当前数据集；同一 id 以导入的为准", "add to the dataset in use; an imported item wins over one with the same id"],
        reading: ["正在读取……", "Reading…"],
        failed: ["文件有问题，未能导入", "The files have problems and were not imported"],
        nothing_changed: ["当前数据集没有任何改变。", "The dataset in use has not changed."],
        and_more: ["另有 {n} 个问题未列出。", "{n} more problems are not listed."],
        done: ["已导入", "Imported"],
        added: ["新增事件", "events added"],
        replaced: ["替换事件", "events replaced"],
        removed: ["移除事件", "events removed"],
        kept: ["沿用当前数据集的列表", "lists kept from the dataset in use"],
        bom: ["文件开头的字节顺序标记（BOM）已去除", "a byte-order mark at the start was removed"],
        crlf: ["Windows 换行（CRLF）已按 LF 读取", "Windows line ends (CRLF) were read as LF"],
        not_saved: ["无法保存在本机（{e}）：刷新后会丢失，请先导出。", "Could not be saved in this browser ({e}): it will be gone after a reload, so export it first."],
        saved: ["已保存在本机，刷新后仍在。", "Saved in this browser; it survives a reload."],
        export_json: ["导出 JSON", "Export JSON"],
        export_events_csv: ["导出事件 CSV", "Export events CSV"],
        export_reference_csv: ["导出参考列表 CSV", "Export reference CSV"],
        reset: ["恢复内置数据集", "Reset to the embedded dataset"],
        reset_done: ["已恢复内置数据集；本机保存的导入数据已删除。", "Back to the embedded dataset; the imported dataset saved in this browser was deleted."],
        examples: ["示例文件", "Example files"],
        schema: ["格式说明", "the format"],
        line: ["第 {n} 行", "line {n}"],
        row: ["第 {n} 行", "row {n}"],
        column: ["第 {n} 列", "column {n}"],
        item: ["条目", "item"],
        field: ["字段", "field"],
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
        P::Taken { list, id } => format!("“{id}”已是 {list} 列表中一项的 id：新的一项需要自己的 id"),
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
        parts.push(w.row().replace("{n}", &d.line.to_string()));
        parts.push(w.column().replace("{n}", &column_letters(d.column)));
    } else {
        parts.push(w.line().replace("{n}", &d.line.to_string()));
        parts.push(w.column().replace("{n}", &d.column.to_string()));
    }
    if let Some(item) = &d.item {
        parts.push(format!("{} {item}", w.item()));
    }
    if let Some(field) = &d.field {
        parts.push(format!("{} {field}", w.field()));
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
        return s.stated().to_string();
    }
    let zh = lang == Lang::Zh;
    let mut out = String::from(s.inferred());
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

words! {
    /// The words of the search and of "Cite this" (issue 15; in the `rest` part).
    ToolStrings, tool_strings {
        search_heading: ["搜索事件", "Search the events"],
        search_placeholder: ["例如：淘宝微信支付", "e.g. Taobao WeChat Pay, 淘宝微信支付"],
        search_hint: ["搜索标题、摘要、引文、说明、主体和出处。↑↓ 选择，回车打开，Esc 清除。", "Titles, summaries, quotes, notes, actors and sources. ↑↓ to move, Enter to open, Esc to clear."],
        search_results: ["搜索结果", "Search results"],
        /// `{n}` events match (more than one).
        search_count: ["找到 {n} 个事件", "{n} events match"],
        search_count_one: ["找到 1 个事件", "1 event matches"],
        search_none: ["没有匹配的事件", "No event matches"],
        /// Only the first `{n}` are listed.
        search_more: ["只列出前 {n} 个", "the first {n} are listed"],
        cite_event: ["引用此事件", "Cite this event"],
        cite_journey: ["引用这个回答", "Cite this answer"],
        cite_view: ["引用当前视图", "Cite this view"],
        copy: ["复制", "Copy"],
        /// `{f}` is the format's name.
        copied: ["已复制 {f}。", "{f} copied."],
        copy_fallback: ["无法使用剪贴板：已选中 {f} 文本，请按 Ctrl+C（⌘C）复制。", "The clipboard is not available: the {f} text is selected; press Ctrl+C (⌘C) to copy it."],
        nothing_to_cite: ["没有可引用的内容。", "Nothing to cite."],
        accessed: ["访问日期", "accessed"],
        licence: ["许可", "licence"],
        /// "Licence:" before the dataset's licence, in the footer.
        licence_label: ["数据许可：", "Data licence: "],
        dataset_version: ["数据集版本", "Dataset version"],
        /// A counterfactual's events, `{events}`.
        journey_off: ["（反事实：假设没有{events}）", " (counterfactual: without {events})"],
        deciding: ["决定结论的事件：", "Deciding events: "],
        no_deciding: ["没有事件决定这一结论（来源未提及）", "No event decides it (the sources are silent)"],
        view_title: ["互通 Hutong：中国互联网平台的筑墙与互联互通", "Hutong (互通): how China's internet platforms walled themselves off and reconnected"],
        view_journey: ["视图：{date}，{from} → {shop}，{pay}", "View: {date}, {from} → {shop}, {pay}"],
        view_event: ["事件", "event"],
        view_search: ["搜索", "search"],
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
words! {
    /// The toolbar's words (stories, theme, printing) and the evidence sheet's (`story.rs`,
    /// `theme.rs`, `evidence.rs`).
    StoryStrings, story_strings {
        stories: ["导览", "Guided tours"],
        story: ["导览", "Story"],
        /// "Step {k} of {n}".
        step_of: ["第 {k} 步，共 {n} 步", "Step {k} of {n}"],
        prev: ["上一步", "Previous"],
        next: ["下一步", "Next"],
        leave: ["退出导览", "Leave the story"],
        keys: ["焦点在导览内时，可用 ← → 键翻页。", "With the focus in the story, the ← → keys step through it."],
        theme: ["配色", "Theme"],
        /// Auto, light, dark, high contrast (in `Theme::ALL` order).
        print: ["打印证据单", "Print evidence sheet"],
        print_hint: ["把当前路径的结论、逐段路线、决定它的事件与引文打印成一至两页", "Print the journey's verdict, its route hop by hop and the events and quotes that decide it, on one or two pages"],
        sheet: ["证据单", "Evidence sheet"],
        /// "On {date}, can a shopper who meets an offer on {from} reach {shop} and pay with {pay}?"
        route: ["路线（逐段）", "The route, hop by hop"],
        no_route: ["没有可走的路线", "no route"],
        best_route: ["最好的一条路线", "the best route"],
        /// "{n} other routes (in the app)".
        other_routes: ["另有 {n} 条路线（见应用）", "{n} other routes (in the app)"],
        deciding: ["决定这一步的事件", "Deciding events"],
        none_deciding: ["没有事件说到这一步", "no event speaks of this step"],
        permalink: ["永久链接", "Permalink"],
        printed: ["打印日期", "Printed"],
        dataset: ["数据集版本", "Dataset version"],
        ground: ["“原文所述”：引文直接说明；“推断”：超出引文的一步，注明所用规则。", "“stated”: a quote says so; “inferred”: a step beyond the quotes, with its rule named."],
        quoted_above: ["（引文见上）", "(quoted above)"],
        stories_loaded: ["已载入导览：{n} 个（保存在本浏览器中）。", "Stories loaded: {n} (kept in this browser)."],
    }
}

words! {
    /// The network's controls and hints (`network::view`).
    NetworkStrings, network_strings {
        heading: ["平台网络随时间变化", "The platform network over time"],
        play: ["播放", "Play"],
        pause: ["暂停", "Pause"],
        speed: ["速度", "Speed"],
        month_a_second: ["每秒一个月", "a month a second"],
        quarter_a_second: ["每秒一个季度", "a quarter a second"],
        year_a_second: ["每秒一年", "a year a second"],
        three_years_a_second: ["每秒三年", "three years a second"],
        previous_event: ["上一个事件", "Previous event"],
        next_event: ["下一个事件", "Next event"],
        jump_start: ["回到开头", "Jump to start"],
        jump_end: ["跳到结尾", "Jump to end"],
        describe: ["描述当前状态", "Describe this state"],
        export: ["导出网络", "Export network"],
        playhead_date: ["播放头日期", "Playhead date"],
        channels: ["通道（悬停或聚焦查看依据）", "Channels (hover or focus one for its deciding events)"],
        point_hint: ["将指针移到一条连线上（或用 Tab 键聚焦），可查看它的结论和决定它的事件。", "Point at a line (or Tab to it) to see its verdict and the events that decide it."],
        /// The network described in words; `{walls}`, `{wall_list}`, `{open}`, `{open_list}`,
        /// `{partial}`, `{partial_list}`, `{undecided}`, `{decided}`, `{stated}`, `{inferred}`.
        description: [
            "墙（不可行）{walls}条：{wall_list}。开放的通道{open}条：{open_list}。部分、绕行或仅宣布{partial}条：{partial_list}。来源未定{undecided}条。已定的{decided}条中，原文所述{stated}条，推断{inferred}条。",
            "{walls} walls stand: {wall_list}. {open} channels are open: {open_list}. {partial} are partial, by workaround or only announced: {partial_list}. {undecided} are undecided by the sources. Of the {decided} decided, {stated} are stated by their sources and {inferred} inferred.",
        ],
        swipe: ["左右滑动可看到整张网络；下方的通道一览表列出每一条通道。", "Swipe sideways to see the whole network; the table below lists every channel."],
        many_channels: ["通道超过 400 条：为保证播放流畅，连线画成细实线（不可行的在最上层），以颜色区分结论；悬停或聚焦一条连线可查看依据。", "More than 400 channels: so that playback stays smooth, lines are drawn thin and without dashes (walls on top); the colour tells the verdict. Hover or focus a line for its events."],
    }
}

words! {
    /// The network's channel table: the disclosure's summary, the caption, the column heads.
    TableStrings, table_strings {
        summary: ["通道一览表（屏幕阅读器友好）", "The channels as a table (for screen readers)"],
        caption: ["通道状态", "Channels on"],
        from: ["起点", "From"],
        to: ["终点", "To"],
        channel: ["通道", "Channel"],
        verdict: ["结论", "Verdict"],
        events: ["决定结论的事件（原文明言或推断）", "Deciding events (stated or inferred)"],
    }
}

words! {
    /// The simulation panel's words (`simpanel.rs`), its parameters' labels and notes.
    SimStrings, sim_strings {
        heading: ["筑墙的代价：购物者模拟", "What the walls cost: simulated shoppers"],
        intro: ["按月模拟购物者在各个渠道的购买尝试：完成（按支付方式和商家）、因墙而流失（归到决定该路径的事件）、或因普通原因流失。“来源未定”按区间处理：每次运行都跑两遍，一遍把每个未定的结论取最封闭的一端，一遍取最开放的一端（所以“流失”在前一遍更多）。", "Each month, shoppers' purchase attempts on each channel are routed: completed (by instrument and merchant), lost to a wall (attributed to the events that decide the journey), or lost for ordinary reasons. “Undecided” is a range: every run is made twice, once with each undecided verdict at its most closed end and once at its most open end (so more is lost in the first)."],
        parameters: ["参数", "Parameters"],
        reset: ["恢复默认", "Reset to defaults"],
        sourced: ["有出处", "sourced"],
        assumed: ["假设", "assumed"],
        running: ["运行中", "running"],
        done: ["完成", "done"],
        completed: ["完成的购买", "Completed purchases"],
        lost_wall: ["因墙流失", "Lost to walls"],
        lost_ordinary: ["普通流失", "Lost for ordinary reasons"],
        most_closed: ["未定取最封闭", "undecided as most closed"],
        most_open: ["未定取最开放", "undecided as most open"],
        interval: ["区间（5%–95%）", "interval (5%–95%)"],
        per_month: ["每月购买", "Purchases per month"],
        shares_at: ["各支付方式占比：", "Payment shares at "],
        actual_vs_counterfactual: ["真实历史与反事实：每月完成的购买", "Actual vs counterfactual: completed purchases per month"],
        actual: ["真实历史", "Actual history"],
        counterfactual: ["反事实", "Counterfactual"],
        export_csv: ["导出 CSV", "Export CSV"],
        export_svg: ["导出 SVG", "Export SVG"],
        export_png: ["导出 PNG", "Export PNG"],
        costliest: ["因墙流失最多的事件", "Events that cost most purchases"],
        dataset_version: ["数据集版本", "Dataset version"],
        seed_label: ["随机种子", "Random seed"],
        seed_note: ["同一种子和参数得到逐位相同的结果。", "The same seed and parameters give bit-identical results."],
        pop_label: ["购物者人数", "Shoppers"],
        pop_note: ["计算量与人数无关（按群体抽样）。", "The cost does not grow with it (counts are sampled per group)."],
        freq_label: ["每人每月购买尝试", "Attempts per shopper per month"],
        freq_note: ["假设值。", "An assumption."],
        reps_label: ["重复次数", "Replicates"],
        reps_note: ["用于蒙特卡洛区间。", "For the Monte Carlo intervals."],
        loss_label: ["普通流失率", "Ordinary loss"],
        loss_note: ["与墙无关的放弃（改主意、缺货）。", "Given up for reasons that are no wall (changed minds, stock-outs)."],
        wloss_label: ["绕行流失率", "Workaround give-up"],
        wloss_note: ["只能绕行（淘口令、二维码、找朋友付）时放弃的比例。来源说明绕行会流失大量顾客，但没有数字。", "Share who give up when only a workaround (token, QR code, a friend) works. The sources show workarounds lose many, with no figure."],
        aloss_label: ["重新注册流失率", "New-account give-up"],
        aloss_note: ["要重新注册账号、绑定银行卡时放弃的比例（“基本这买卖也没法做了”）。", "Share who give up rather than register a new account and bind a card (“the sale is all but dead”)."],
        pshare_label: ["部分开放覆盖率", "Partial reach"],
        pshare_note: ["内测、逐步开放时能用上的比例。假设值。", "Share for whom a beta or gradual roll-out works. An assumption."],
        shift: ["反事实中支付方式占比的变化（百分点）：", "Payment-share shift in the counterfactual (percentage points) at "],
        gain: ["反事实比真实历史每月多（+）或少（−）完成的购买", "Purchases gained (+) or lost (−) each month in the counterfactual"],
        lost_undecided: ["来源未定而流失", "Lost where the sources are silent"],
        demand_mix_and_adoption: ["需求组合与支付方式普及曲线（可编辑，含依据）", "Demand mix and adoption curves (editable, with their basis)"],
        offer_seen_on: ["看到商品的地方", "Offer seen on"],
        merchant: ["商家", "Merchant"],
        weight_assumed: ["权重（假设）", "Weight (assumed)"],
        instrument: ["支付方式", "Instrument"],
        ceiling_share: ["持有比例上限", "Ceiling share"],
        year_of_half: ["达到一半的年份", "Year of half"],
        rate_per_year: ["速度（每年）", "Rate (per year)"],
        basis: ["依据", "Basis"],
    }
}

words! {
    /// What would decide an undecided answer (`hutong::decide`): the questions and their answers;
    /// `{event}`, `{date}`, `{day}`, `{channel}`, `{from}`, `{to}` are filled in.
    DecideStrings, decide_strings {
        heading: ["什么能定下结论", "What would decide it"],
        intro: [
            "来源没有说清的事实，以及每种答案会让这条路径得出的结论（由模型把答案写入数据后重新计算）：",
            "The facts the sources leave open, and the verdict each answer would give this journey (the model's, with the answer written into the data):",
        ],
        ask_date: ["“{event}”发生于何时？来源给出的日期是{date}。", "When did “{event}” happen? Its source dates it {date}."],
        ask_status: ["“{event}”（{date}宣布）到{day}时是否已经生效？", "Had “{event}”, announced {date}, taken effect by {day}?"],
        ask_direction: ["“{event}”的方向是哪一边？来源没有说明。", "Which way does “{event}” run? Its source does not say."],
        ask_before: [
            "在“{event}”（{date}）之前，从{from}到{to}的{channel}是什么状态？",
            "What was the {channel} from {from} to {to} before “{event}” ({date})?",
        ],
        ask_silent: ["没有任何来源提到从{from}到{to}的{channel}。", "No source speaks of the {channel} from {from} to {to}."],
        took_effect: ["已生效", "It had taken effect by {day}"],
        not_yet: ["尚未生效", "It had not yet"],
        by_the_day: ["有来源表明发生在{day}或之前", "A source dating it on or before {day}"],
        after_the_day: ["有来源表明发生在{day}之后", "A source dating it after {day}"],
        as_recorded: ["{from} → {to}", "{from} → {to}"],
        reversed: ["{to} → {from}", "{to} → {from}"],
        open_then: ["有来源表明{day}时是开放的", "A source saying it was open on {day}"],
        closed_then: ["有来源表明{day}时是关闭的", "A source saying it was closed then"],
        open_before: ["之前是开放的", "It was open before"],
        closed_before: ["之前是关闭的", "It was closed before"],
    }
}

words! {
    /// The open questions (`agenda.rs`, issue 23): what the sources leave open, ranked.
    AgendaStrings, agenda_strings {
        title: ["待解的问题：来源没有说清什么", "Open questions: what the sources leave open"],
        intro: [
            "来源没有说清的每一个事实，按一个发现能单独定下多少个路径结论排序（所有入口 × 商家 × 支付方式，在所选年份的6月1日）。排在前面的，就是这个题目的研究议程。",
            "Every fact the sources leave open, ranked by how many journey answers one finding would decide on its own (every surface × merchant × instrument, on 1 June of the year chosen). The top of the list is this topic's research agenda.",
        ],
        year: ["年份", "Year"],
        computing: ["正在计算……已检查{done}个结论，共{total}个", "Counting… {done} of {total} answers asked"],
        count: ["{day}：{n}个问题，涉及{open}个未定的结论", "{day}: {n} questions behind {open} undecided answers"],
        decides: ["一个发现可单独定下它所涉及的{open}个未定结论中的{decides}个", "One finding alone would decide {decides} of the {open} undecided answers it is asked of"],
        asked_only: ["涉及{open}个未定的结论；没有哪个发现能单独定下其中任何一个", "Asked of {open} undecided answers; no one finding decides any of them alone"],
        open_decided: ["打开一个它能定下的结论", "Open an answer it decides"],
        open_asked: ["打开一个涉及它的结论", "Open an answer it is asked of"],
        more: ["再显示{n}个", "Show {n} more"],
        none: ["{day}：来源没有留下未定的问题。", "{day}: the sources leave nothing open."],
        export_csv: ["导出 CSV", "Export CSV"],
        export_json: ["导出 JSON", "Export JSON"],
        rank: ["排序", "Rank by"],
        rank_decides: ["一个发现能定下的结论数", "answers one finding decides"],
        rank_worth: ["模拟中“来源未说明处的损失”的范围缩小多少", "how much it narrows the simulation's silent range"],
        pricing: ["正在对照模拟计算……{done} / {total}", "Weighing against the simulation… {done} of {total}"],
        worth: ["模拟（默认假设）中来源未说明处损失的购买：现在 {now}", "The simulation (default assumptions), purchases lost where the sources are silent: now {now}"],
        unchanged: ["不变", "unchanged"],
        no_worth: ["模拟的需求不经过这个问题涉及的路径：答案不改变模拟。", "The simulation's demand does not cross the journeys it is asked of: its answer leaves the simulation as it is."],
    }
}

impl StoryStrings {
    /// The themes' names, in the order of `Theme::ALL`.
    pub fn themes(self) -> [&'static str; 4] {
        if self.0 == Lang::Zh {
            ["跟随系统", "浅色", "深色", "高对比度"]
        } else {
            ["Auto (system)", "Light", "Dark", "High contrast"]
        }
    }
}

/// A word of such a pair in the language.
/// The lang tag of `lang` for HTML's `lang` attribute.
pub fn lang_tag(lang: Lang) -> &'static str {
    in_lang(["zh-CN", "en"], lang)
}

pub fn in_lang(pair: [&'static str; 2], lang: Lang) -> &'static str {
    if lang == Lang::Zh {
        pair[0]
    } else {
        pair[1]
    }
}

words! {
    /// The words of "What the sources decide" (`decided.rs`, in the `rest` part).
    DecidedStrings, decided_strings {
        title: ["来源能判定什么", "What the sources decide"],
        intro: ["每年6月1日和每个事件之后的第二天，所有来源能给出确定结论的路径：结论、如何得知（原文所述，或推断及其规则），以及决定它的事件。其余的路径，来源没有定论。", "Every journey the sources decide, on each 1 June and on the day after every event: the verdict, how it is known (stated by a quote, or inferred, with its rules), and the events that decide it. Every other journey the sources leave undecided."],
        year: ["年份", "Year"],
        every_year: ["所有年份", "Every year"],
        surface: ["入口", "Where the offer is met"],
        merchant: ["商家", "Merchant"],
        instrument: ["支付方式", "Instrument"],
        any: ["全部", "Any"],
        /// `{n}` answers, `{stated}` stated, `{inferred}` inferred.
        count: ["{n}个确定的结论（{stated}个原文所述，{inferred}个推断）", "{n} decided answers ({stated} stated, {inferred} inferred)"],
        none: ["这些条件下，来源没有给出任何确定的结论。", "The sources decide no journey with these choices."],
        day: ["日期", "Day"],
        journey: ["路径", "Journey"],
        answer: ["结论", "Answer"],
        events: ["决定它的事件", "Deciding events"],
        open: ["在探索器中打开", "Open in the explorer"],
        open_col: ["探索器", "Explorer"],
    }
}

words! {
    /// The event editor (issue 23, part 3): the form, the quote check, the preview, saving and the
    /// changes file.
    EditorStrings, editor_strings {
        add: ["添加事件", "Add an event"],
        edit: ["编辑此事件", "Edit this event"],
        heading_new: ["添加事件", "Add an event"],
        heading_edit: ["编辑事件“{title}”", "Edit “{title}”"],
        intro: ["每个字段都按导入的规则检查，问题会显示在字段旁；还有问题时无法保存。保存后，事件并入当前数据集，页面随即改用它，并保存在本机浏览器中。", "Every field is checked as an import is checked, each problem shown at its field; nothing is saved while a problem remains. Saving merges the event into the dataset in use; the whole page uses it, and it is kept in this browser."],
        required: ["必填", "required"],
        id: ["id（小写字母、数字、短横线）", "id (lower-case letters, digits, dashes)"],
        date: ["日期", "Date"],
        date_hint: ["只写来源说的：2014-02-13、2014-05、2013-Q3、2013、区间 A/B、“不晚于” ../B、“不早于” A/..，或 undated", "Write only what the source says: 2014-02-13, 2014-05, 2013-Q3, 2013, a range A/B, on or before ../B, on or after A/.., or undated"],
        status: ["状态", "Status"],
        kind: ["类型", "Kind"],
        actors: ["主体（平台或公司的 id，空格分隔）", "Actors (platform or owner ids, separated by spaces)"],
        effects: ["影响的通道", "Effects on channels"],
        effect: ["影响 {n}", "Effect {n}"],
        channel: ["通道", "Channel"],
        from: ["从（id 或 *）", "From (id or *)"],
        to: ["到（id 或 *）", "To (id or *)"],
        change: ["变化", "Change"],
        via: ["绕行方式（id）", "Via (workaround id)"],
        direction: ["方向", "Direction"],
        change_open: ["开放", "open"],
        change_close: ["关闭", "close"],
        change_partial: ["部分", "partial"],
        change_workaround: ["绕行", "workaround"],
        forward: ["正向（从→到）", "forward (from → to)"],
        both: ["双向", "both ways"],
        unspecified: ["来源未说明", "not stated"],
        add_effect: ["添加影响", "Add an effect"],
        remove_effect: ["删除影响 {n}", "Remove effect {n}"],
        after: ["必定晚于这些事件（id，空格分隔）", "Certainly after these events (ids, separated by spaces)"],
        uncertain: ["来源未定的字段", "Fields the source leaves open"],
        title_zh: ["标题（中文）", "Title (Chinese)"],
        title_en: ["标题（英文）", "Title (English)"],
        summary_zh: ["摘要（中文）", "Summary (Chinese)"],
        summary_en: ["摘要（英文）", "Summary (English)"],
        note_zh: ["说明（中文，可选）", "Note (Chinese, optional)"],
        note_en: ["说明（英文，可选）", "Note (English, optional)"],
        source: ["来源", "Source"],
        new_source: ["新来源……", "A new source…"],
        source_id: ["新来源的 id", "The new source's id"],
        url: ["网址（可选）", "Address (URL, optional)"],
        source_title: ["文章标题", "Article title"],
        outlet_zh: ["媒体（中文）", "Outlet (Chinese)"],
        outlet_en: ["媒体（英文）", "Outlet (English)"],
        published: ["发表日期", "Published"],
        quote: ["引文（来源原文，逐字）", "Quote (the source's words, verbatim)"],
        paste: ["粘贴来源全文以核对引文", "Paste the source's text to check the quote"],
        quote_nothing: ["粘贴来源全文后，这里会说明引文是否逐字出现在其中。", "Paste the source's text and this says whether the quote is in it, word for word."],
        quote_found: ["引文逐字出现在粘贴的文本中：第 {line} 行第 {column} 个字符。", "The quote is in the pasted text word for word: line {line}, character {column}."],
        quote_found_times: ["（共出现 {n} 次）", " (it appears {n} times)"],
        quote_missing: ["引文没有出现在粘贴的文本中。请逐字复制来源的原话。", "The quote is not in the pasted text. Copy the source's words exactly."],
        quote_spacing: ["只有忽略空格和换行时才能找到引文：请按来源原样复制。", "The quote is found only when spaces and line breaks are ignored: copy it exactly as the source has it."],
        before: ["此前的状态（只在原文说明时填写）", "What came before (only where the text says so)"],
        before_state: ["此前", "Before"],
        before_unknown: ["未说明", "not stated"],
        before_closed: ["关闭", "closed"],
        before_open: ["开放", "open"],
        before_source: ["说明此前状态的来源", "Source that says what came before"],
        before_quote: ["说明此前状态的引文", "Quote that says what came before"],
        metric: ["数字（可选）", "A figure (optional)"],
        metric_value: ["数值", "Value"],
        metric_unit: ["单位", "Unit"],
        metric_as_of: ["截至", "As of"],
        metric_approx: ["约数（约、左右）", "About (约, 左右)"],
        metric_bound: ["界限", "Bound"],
        bound_over: ["超过", "over"],
        bound_under: ["接近", "under (nearly)"],
        metric_of_zh: ["相对于（中文）", "Relative to (Chinese)"],
        metric_of_en: ["相对于（英文）", "Relative to (English)"],
        none: ["—", "—"],
        yes: ["是", "yes"],
        checking: ["正在检查……", "Checking…"],
        one_problem: ["有 1 个问题，改正后才能保存。", "1 problem: fix it to save."],
        problems: ["有 {n} 个问题，改正后才能保存。", "{n} problems: fix them to save."],
        no_problems: ["没有问题，可以保存。", "No problems: ready to save."],
        elsewhere: ["不在表单字段中的问题", "Problems outside the form's fields"],
        save: ["保存", "Save"],
        saved: ["已保存“{title}”：页面改用编辑后的数据集（{version}），并保存在本机。", "Saved “{title}”: the page now uses the edited dataset ({version}), kept in this browser."],
        remove: ["删除此事件", "Remove this event"],
        removed: ["已删除“{title}”：页面改用编辑后的数据集（{version}）。", "Removed “{title}”: the page now uses the edited dataset ({version})."],
        not_saved: ["无法保存在本机（{e}）：刷新后会丢失，请先导出修改。", "Could not be kept in this browser ({e}): it will be gone after a reload, so export your changes first."],
        cancel: ["关闭编辑器", "Close the editor"],
        preview: ["这会改变什么", "What this changes"],
        preview_intro: ["与当前数据集相比（所有事件均开启）：每条路径在 2010–2025 年每年 6 月 1 日及每个事件确定之后的第一天的结论。", "Against the dataset in use, every event on: every journey on each 1 June 2010–2025 and on the day after each event is certain."],
        preview_wait: ["字段没有问题后，这里显示预览。", "The preview shows once the fields have no problems."],
        computing: ["正在比较……{done} / {total}", "Comparing… {done} of {total}"],
        no_change: ["没有任何结论改变。", "No answer changes."],
        changes: ["{n} 个结论改变", "{n} answers change"],
        show_more: ["再显示 {n} 个", "Show {n} more"],
        closes: ["它回答的问题", "Questions it answers"],
        opens: ["它提出的新问题", "Questions it opens"],
        questions_note: ["（就前 {n} 个改变的结论而言）", "(among the first {n} answers it changes)"],
        network: ["{day}的网络", "The network on {day}"],
        network_none: ["{day}网络中没有连线改变（绕行方式不单独画成连线）。", "No edge of the network changes on {day} (workarounds are not drawn as edges of their own)."],
        network_undated: ["事件没有日期，无法指出网络在哪一天改变。", "The event is undated: there is no day to show the network on."],
        unknown: ["未知", "unknown"],
        absent: ["无此连线", "no such edge"],
        export_changes_json: ["导出我的修改（JSON）", "Export my changes (JSON)"],
        export_changes_md: ["导出我的修改（Markdown）", "Export my changes (Markdown)"],
        changes_hint: ["与内置数据集相比新增、修改和删除的事件；JSON 文件可在另一浏览器导入，Markdown 便于附在更正请求中。", "The events added, changed and removed against the embedded dataset: import the JSON in another browser; attach the Markdown to a correction request."],
    }
}
