//! Journeys read from the seeds, as a specification: on this day, from this surface to this merchant
//! paying with this instrument, the sources say this, because of these events, and where a step goes
//! beyond a quote, by this named rule.

use std::collections::BTreeSet;

use hutong_core::date::parse_day;
use hutong_core::embedded;
use hutong_core::route::{ChannelId, Journey, Level, Model, Off, Rule, Verdict, Word};
use hutong_core::Channel;

struct Case {
    date: &'static str,
    from: &'static str,
    shop: &'static str,
    pay: &'static str,
    word: Word,
    /// Events the answer must cite (the deciding quote is in each event).
    cites: &'static [&'static str],
    /// Inferred steps the answer must show, each with its rule and the event it comes from.
    inferred: &'static [(Rule, &'static str)],
    /// How the verdict itself is known (rule 7), where the case says.
    grounds: Grounds,
    why: &'static str,
}

/// What a case says of its verdict's grounds.
#[derive(Clone, Copy, Debug)]
enum Grounds {
    /// Not checked (an undecided verdict has none).
    Any,
    /// Every step is said by a quote in effect on the day.
    Stated,
    /// Inferred, needing at least these rules, and last confirmed on this day when it persists.
    Inferred(&'static [Rule], Option<&'static str>),
}

const fn case(
    date: &'static str,
    from: &'static str,
    shop: &'static str,
    pay: &'static str,
    word: Word,
    cites: &'static [&'static str],
    why: &'static str,
) -> Case {
    Case { date, from, shop, pay, word, cites, inferred: &[], grounds: Grounds::Any, why }
}

impl Case {
    const fn inferred(self, inferred: &'static [(Rule, &'static str)]) -> Case {
        Case { inferred, ..self }
    }

    /// The verdict is stated.
    const fn stated(self) -> Case {
        Case { grounds: Grounds::Stated, ..self }
    }

    /// The verdict is inferred by (at least) these rules.
    const fn by(self, rules: &'static [Rule]) -> Case {
        Case { grounds: Grounds::Inferred(rules, None), ..self }
    }

    /// The verdict is inferred by these rules, and persists: last confirmed on `day`.
    const fn persists(self, rules: &'static [Rule], day: &'static str) -> Case {
        Case { grounds: Grounds::Inferred(rules, Some(day)), ..self }
    }
}

use Word::*;

const CASES: &[Case] = &[
    // Issue 21: how each decided verdict is known. A state carried past the article that reports it
    // persists (with the day last confirmed); a `*` target wider than its quote is a reading.
    case(
        "2021-06-01",
        "wechat-chat",
        "ubox",
        "wechat-pay",
        Direct,
        &["ubox-wechat-pay", "wechat-one-to-one-links"],
        "友宝和微信是微信支付的模范样板 (2014-01) carried to 2021; 外部链接 does not name Ubox",
    )
    .persists(&[Rule::Persists, Rule::WideTarget], "2014-01-17"),
    case(
        "2024-06-01",
        "wechat-chat",
        "ubox",
        "jd-pay",
        Direct,
        &["ubox-wechat-pay", "wechat-one-to-one-links", "wechat-pay-jd-pay-interop"],
        "互联互通 read as scan-code acceptance both ways, through WeChat Pay at Ubox",
    )
    .persists(&[Rule::Persists, Rule::WideTarget, Rule::Interop, Rule::ChannelsRead], "2014-01-17"),
    case(
        "2022-06-01",
        "wechat-group",
        "kuaidi",
        "alipay",
        Partial,
        &["alipay-kuaidi-beijing", "wechat-group-chat-links"],
        "支付宝和快的打车在北京出租市场 (2013-12) carried to 2022; 淘宝等外部电商链接 does not name Kuaidi",
    )
    .persists(&[Rule::Persists, Rule::WideTarget], "2014-01-17"),
    case(
        "2022-06-01",
        "wechat-chat",
        "taobao",
        "unionpay",
        Direct,
        &["wechat-one-to-one-links", "unionpay-on-taobao"],
        "包括抖音、淘宝等在内的外部链接…均可以打开 names Taobao; 2021年，银联云闪付已可以: said of 2021, so carried into 2022",
    )
    .persists(&[Rule::Persists], "2021-12-31"),
    case(
        "2021-12-31",
        "wechat-chat",
        "taobao",
        "unionpay",
        Direct,
        &["wechat-one-to-one-links", "unionpay-on-taobao"],
        "包括抖音、淘宝等在内的外部链接…均可以打开; 2021年，银联云闪付已可以在淘宝消费使用",
    )
    .stated(),
    case(
        "2023-12-01",
        "wechat-official-account",
        "taobao",
        "unionpay",
        Direct,
        &["wechat-taobao-ad-slots", "unionpay-on-taobao"],
        "微信开放淘宝广告位 names no slot: official-account ads are the curators' reading",
    )
    .persists(&[Rule::ChannelsRead, Rule::Persists], "2021-12-31"),
    case(
        "2023-12-01",
        "wechat-official-account",
        "taobao",
        "wechat-pay",
        Partial,
        &["wechat-taobao-ad-slots", "taobao-wechat-pay-beta"],
        "微信开放淘宝广告位 names no slot (the curators' reading); 淘宝开放微信支付内测, said in 2024",
    )
    .by(&[Rule::ChannelsRead]),
    case(
        "2024-09-13",
        "taobao-app",
        "taobao",
        "alipay",
        Direct,
        &["alipay-merchants-2014"],
        "Taobao taking Alipay is said in 2014-01 and again only by the 2024-09 article's 仍首选支付宝 (certain by 09-30)",
    )
    .persists(&[Rule::Persists], "2014-01-17"),
    case(
        "2024-09-30",
        "taobao-app",
        "taobao",
        "alipay",
        Direct,
        &["taobao-alipay-still-first"],
        "淘宝的支付页面仍首选支付宝",
    )
    .stated(),
    case(
        "2025-06-01",
        "taobao-app",
        "taobao",
        "ecny",
        Partial,
        &["taobao-adds-ecny-bestpay-hebao"],
        "issue 21: 逐步接入 is gradual (partial), as 逐步 is for WeChat Pay",
    )
    .persists(&[Rule::Persists], "2024-09-30"),
    case(
        "2014-06-01",
        "wechat-group",
        "taobao",
        "alipay",
        Undecided,
        &["taobao-taokouling"],
        "issue 21: the surfaces of 淘口令 are a reading, like its sibling workarounds'",
    )
    .inferred(&[(Rule::ChannelsRead, "taobao-taokouling"), (Rule::ChannelsRead, "taobao-shop-card")]),
    case(
        "2014-01-10",
        "wechat-wallet",
        "didi",
        "wechat-pay",
        Undecided,
        &["didi-wechat-pay"],
        "issue 21: 宣布合作…用户叫车成功后,可用微信支付 is worded like Weibo Pay, and like it only announced",
    )
    .inferred(&[(Rule::MayHaveTakenEffect, "didi-wechat-pay")]),
    // 2013–2014: the walls go up.
    case(
        "2012-06-01",
        "wechat-official-account",
        "taobao",
        "alipay",
        Undecided,
        &["wechat-accounts-linked-taobao-early"],
        "早期都是直接链接到淘宝卖货: undated, so 2012 may be before or after it",
    ),
    case(
        "2014-06-01",
        "wechat-official-account",
        "taobao",
        "alipay",
        Undecided,
        &["taobao-links-blocked-in-wechat", "wechat-taobao-ad-slots"],
        "links blocked since 2013 (去年淘宝链接屏蔽微信), but no source says official-account ads to Taobao were closed before 2023",
    ),
    case(
        "2014-06-01",
        "wechat-group",
        "taobao",
        "alipay",
        Undecided,
        &["taobao-links-blocked-in-wechat"],
        "blocked since 2013, but 淘口令 and 店铺名片 are undated: between blocked and workaround",
    )
    .inferred(&[(Rule::NoWorkaroundYet, "")]),
    case(
        "2012-06-01",
        "wechat-group",
        "taobao",
        "alipay",
        Undecided,
        &[],
        "NOTES: nothing is said of group chats before the 2013 block, so they stay undecided",
    ),
    case(
        "2012-06-01",
        "wechat-chat",
        "taobao",
        "alipay",
        Undecided,
        &[],
        "a block does not imply the road was open before it; no source says it",
    ),
    case(
        "2016-01-01",
        "wechat-moments",
        "taobao",
        "alipay",
        Undecided,
        &[],
        "no source says organic Moments links to Taobao were blocked; only undated workarounds are named",
    ),
    // Issue 21: "之前申请成功的商家" has no start ("早期都是直接链接到淘宝卖货"): it no longer holds
    // back to the beginning of time. It is an event of its own, dated on or before 2014-02-12.
    case(
        "2013-06-01",
        "wechat-official-account",
        "wechat-shop",
        "alipay",
        Undecided,
        &["wechat-merchants-signed-alipay"],
        "之前申请成功的商家: some day before the 2014-02-13 policy, no start given",
    )
    .inferred(&[(Rule::OwnApp, "")]),
    case(
        "2013-11-01",
        "wechat-official-account",
        "wechat-shop",
        "alipay",
        Undecided,
        &["wechat-merchants-signed-alipay"],
        "issue 21: was direct by a `before` with no start date",
    ),
    case(
        "2014-02-12",
        "wechat-official-account",
        "wechat-shop",
        "alipay",
        Direct,
        &["wechat-merchants-signed-alipay"],
        "之前申请成功的商家: certain by the day before the policy, and the article of 2014-02-18 says so",
    )
    .stated(),
    case(
        "2014-02-14",
        "wechat-official-account",
        "wechat-shop",
        "alipay",
        Undecided,
        &["alipay-bans-wechat-merchants", "alipay-existing-wechat-merchants-to-end"],
        "不新签、不续约、不合作, signed merchants 暂时还不受影响 (partial), but 很快也将不能继续使用 may have closed it",
    )
    .inferred(&[(Rule::MayHaveTakenEffect, "alipay-existing-wechat-merchants-to-end")]),
    case(
        "2020-06-01",
        "wechat-official-account",
        "wechat-shop",
        "alipay",
        Undecided,
        &["alipay-bans-wechat-merchants", "alipay-existing-wechat-merchants-to-end"],
        "the announced end has no date: from the announcement on, between blocked and partial",
    )
    .inferred(&[(Rule::MayHaveTakenEffect, "alipay-existing-wechat-merchants-to-end")]),
    case(
        "2014-03-01",
        "wechat-official-account",
        "wechat-shop",
        "tenpay",
        Undecided,
        &["merchants-need-new-accounts"],
        "重新注册账号、绑定银行卡 is at least a workaround; whether Tenpay worked directly is not said",
    )
    .inferred(&[(Rule::Reading, "merchants-need-new-accounts")]),
    case(
        "2014-05-29",
        "wechat-official-account",
        "wechat-shop",
        "wechat-pay",
        Partial,
        &["wechat-shop-launch"],
        "凡是开通了微信支付功能的认证服务号皆可…申请“微信小店”",
    ),
    // Issue 21: dropping the deposit lowers a threshold (降低支付门槛); it opens no channel.
    case(
        "2014-10-01",
        "wechat-official-account",
        "wechat-shop",
        "wechat-pay",
        Partial,
        &["wechat-shop-launch"],
        "微信小店 for verified service accounts with WeChat Pay; 取消2万支付保证金 opens nothing for every merchant",
    )
    .persists(&[Rule::Persists], "2014-09-12"),
    case(
        "2016-06-01",
        "wechat-official-account",
        "wechat-shop",
        "wechat-pay",
        Partial,
        &["wechat-shop-launch"],
        "issue 21: was direct 2015–2025 on the deposit; partial, last confirmed 2014-09-12",
    )
    .persists(&[Rule::Persists], "2014-09-12"),
    case(
        "2014-07-01",
        "wechat-official-account",
        "wechat-shop",
        "wechat-pay",
        Partial,
        &["wechat-shop-launch"],
        "the deposit removal (2014-05-30/2014-09-12) changes no channel; 微信小店 is partial and stated in 2014",
    )
    .stated(),
    case(
        "2014-01-02",
        "wechat-wallet",
        "didi",
        "wechat-pay",
        Undecided,
        &[],
        "before 2014-01-03 the sources say nothing of Didi in WeChat",
    ),
    case(
        "2014-01-05",
        "wechat-wallet",
        "didi",
        "wechat-pay",
        Undecided,
        &["didi-wechat-pay"],
        "宣布合作: announced, so from then on between announced and in effect",
    )
    .inferred(&[(Rule::MayHaveTakenEffect, "didi-wechat-pay")]),
    case(
        "2014-01-05",
        "alipay-app",
        "kuaidi",
        "alipay",
        Undecided,
        &["alipay-kuaidi-beijing"],
        "Kuaidi takes Alipay (Beijing taxis only) but no source says how Alipay's app reaches Kuaidi",
    ),
    case(
        "2014-01-10",
        "weibo",
        "weibo-shop",
        "alipay",
        Direct,
        &["weibo-buyers-logged-in-to-pay"],
        "buyers paid by logging in to Alipay (此前…需要登录支付宝, before 2014-01-07); Weibo Pay (宣布…推出) is only announced",
    )
    .persists(&[Rule::Persists], "2014-01-06"),
    // Issue 21: the `before` of Weibo Pay is about the bound account, not about paying.
    case(
        "2014-01-06",
        "weibo",
        "weibo-shop",
        "alipay",
        Direct,
        &["weibo-buyers-logged-in-to-pay"],
        "此前…在支付环节需要登录支付宝、网银或其他支付工具进行付款: they did pay, by logging in",
    )
    .stated(),
    case(
        "2014-01-07",
        "weibo",
        "weibo-shop",
        "bank-card",
        Direct,
        &["weibo-buyers-logged-in-to-pay"],
        "网银 (online banking) before Weibo Pay, carried past it; 支付宝内已有的银行卡就可以直接用于微博支付 is announced",
    )
    .persists(&[Rule::Persists], "2014-01-06"),
    case(
        "2016-06-01",
        "weibo",
        "weibo-shop",
        "alipay",
        Direct,
        &["weibo-buyers-logged-in-to-pay"],
        "issue 21: no longer stated for a decade; persists, last confirmed on the eve of Weibo Pay (此前)",
    )
    .persists(&[Rule::Persists], "2014-01-06"),
    case(
        "2013-06-01",
        "weibo",
        "weibo-shop",
        "alipay",
        Undecided,
        &["weibo-buyers-logged-in-to-pay"],
        "此前 has no start: in 2013 logging in may or may not have been the way yet",
    ),
    case(
        "2015-01-01",
        "weibo",
        "offline",
        "alipay",
        Undecided,
        &["weibo-alipay-qr-interop"],
        "双方还将互通二维码 is announced; and no source says offline shops take Alipay",
    ),
    case(
        "2014-06-01",
        "weibo",
        "dianping",
        "alipay",
        Undecided,
        &["dianping-to-join-weibo-pay"],
        "也将很快接入微博支付: the payment is announced, but no source says how Weibo reaches Dianping",
    ),
    case(
        "2014-06-01",
        "taobao-app",
        "taobao",
        "alipay",
        Direct,
        &["alipay-merchants-2014"],
        "除了淘宝和阿里巴巴外,有超过46万的商家…支持支付宝",
    )
    .inferred(&[(Rule::OwnApp, "")]),
    case(
        "2010-06-01",
        "taobao-app",
        "taobao",
        "alipay",
        Undecided,
        &["alipay-merchants-2014"],
        "no source says since when Taobao took Alipay",
    ),
    case(
        "2013-06-01",
        "taobao-app",
        "taobao",
        "wechat-pay",
        Undecided,
        &[],
        "no text dates Taobao without WeChat Pay before 2014-02-13",
    ),
    case(
        "2016-01-01",
        "taobao-app",
        "taobao",
        "wechat-pay",
        Undecided,
        &["taobao-wechat-pay-beta"],
        "issue 21: 阿里的通道已经对微信全部关闭 is about Alipay refusing WeChat merchants, not Taobao; no text dates a wall",
    ),
    case(
        "2020-06-01",
        "wechat-group",
        "taobao",
        "wechat-pay",
        Undecided,
        &[],
        "issue 21: was blocked on a quote about another channel",
    ),
    // 2019–2024: the walls come down.
    case(
        "2020-01-01",
        "wechat-chat",
        "taobao",
        "alipay",
        Direct,
        &["wechat-one-to-one-links", "alipay-merchants-2014"],
        "包括抖音、淘宝等在内的外部链接在微信一对一聊天中均可以打开",
    ),
    case(
        "2019-08-01",
        "wechat-chat",
        "taobao",
        "alipay",
        Undecided,
        &["taobao-links-blocked-in-wechat"],
        "still blocked, but the undated 淘口令 may already exist",
    ),
    case(
        "2020-06-01",
        "wechat-group",
        "taobao",
        "alipay",
        Undecided,
        &["taobao-links-blocked-in-wechat"],
        "group chats only open in 2021-11; until then blocked or a workaround",
    ),
    case(
        "2022-01-01",
        "wechat-group",
        "taobao",
        "alipay",
        Direct,
        &["wechat-group-chat-links"],
        "可在群聊场景开放淘宝等外部电商链接直接访问功能",
    ),
    case(
        "2021-11-15",
        "wechat-group",
        "taobao",
        "alipay",
        Undecided,
        &["wechat-group-chat-links"],
        "2021年11月 has no day: mid-November may be before or after",
    ),
    case(
        "2023-01-01",
        "taobao-app",
        "taobao",
        "wechat-pay",
        Partial,
        &["taobao-wechat-pay-beta"],
        "淘宝开放微信支付内测",
    ),
    case(
        "2024-03-01",
        "taobao-app",
        "taobao",
        "wechat-pay",
        Partial,
        &["taobao-some-wechat-pay"],
        "淘宝开放部分微信支付渠道",
    ),
    case(
        "2024-09-08",
        "taobao-app",
        "taobao",
        "wechat-pay",
        Partial,
        &["taobao-some-wechat-pay"],
        "the 2024-09-05 notice changes nothing yet",
    ),
    case(
        "2024-10-01",
        "taobao-app",
        "taobao",
        "wechat-pay",
        Partial,
        &["taobao-wechat-pay-rollout"],
        "逐步向所有卖家开放: gradual, and no source says when it was complete",
    ),
    case(
        "2021-10-01",
        "eleme-app",
        "eleme",
        "wechat-pay",
        Undecided,
        &["alibaba-apps-take-wechat-pay", "alibaba-apps-already-take-wechat-pay"],
        "issue 21: 宣布接入 (2021-09) is an announcement; 已率先接入 is undated, no later than the article",
    )
    .inferred(&[(Rule::MayHaveTakenEffect, "alibaba-apps-take-wechat-pay")]),
    case(
        "2024-09-30",
        "eleme-app",
        "eleme",
        "wechat-pay",
        Direct,
        &["alibaba-apps-already-take-wechat-pay"],
        "饿了么、优酷、大麦等应用已率先接入微信支付功能: certain by the end of the article's month",
    )
    .stated(),
    case(
        "2025-06-01",
        "eleme-app",
        "eleme",
        "wechat-pay",
        Direct,
        &["alibaba-apps-already-take-wechat-pay"],
        "the same, carried past the article",
    )
    .persists(&[Rule::Persists], "2024-09-30"),
    case(
        "2021-08-01",
        "eleme-app",
        "eleme",
        "wechat-pay",
        Undecided,
        &[],
        "an opening does not say the road was closed before it",
    ),
    case(
        "2022-06-01",
        "wechat-chat",
        "kaola",
        "wechat-pay",
        Undecided,
        &["kaola-shuqi-announce-wechat-pay"],
        "考拉海购、书旗…宣布接入微信支付: only announced",
    )
    .inferred(&[(Rule::MayHaveTakenEffect, "kaola-shuqi-announce-wechat-pay")]),
    case(
        "2019-01-01",
        "wechat-moments-ad",
        "taobao",
        "alipay",
        Undecided,
        &[],
        "ads 已经打入微信朋友圈 some time after 2019-09; what came before is not said",
    ),
    case(
        "2020-06-01",
        "taobao-app",
        "taobao",
        "unionpay",
        Undecided,
        &["unionpay-on-taobao"],
        "2021年，银联云闪付已可以在淘宝消费使用: already usable by 2021, since when not said",
    ),
    case(
        "2022-06-01",
        "taobao-app",
        "taobao",
        "unionpay",
        Direct,
        &["unionpay-on-taobao"],
        "2021年，银联云闪付已可以在淘宝消费使用",
    ),
    case(
        "2023-07-01",
        "wechat-moments-ad",
        "taobao",
        "alipay",
        Direct,
        &["moments-ads-jump-to-taobao"],
        "微信朋友圈广告可以跳转淘宝App",
    ),
    case(
        "2021-01-01",
        "wechat-moments-ad",
        "taobao",
        "alipay",
        Undecided,
        &["moments-ads-jump-to-taobao"],
        "issue 21: 广告已经打入朋友圈 says ads were shown, not that they jumped to Taobao (2023-06: 可以跳转淘宝App)",
    ),
    case(
        "2022-06-01",
        "wechat-moments-ad",
        "tmall",
        "alipay",
        Undecided,
        &[],
        "issue 21: Tmall ads in Moments were shown; no source says they led to Tmall",
    ),
    case(
        "2024-12-01",
        "offline-qr",
        "offline",
        "hebao",
        Undecided,
        &[],
        "codes interoperate with WeChat Pay, but no source says offline shops take WeChat Pay",
    ),
    case(
        "2022-06-01",
        "kuaishou",
        "meituan",
        "alipay",
        Undecided,
        &["kuaishou-meituan-interop"],
        "the link is only announced (将…打通), and Meituan's payments are not in the sources",
    ),
    case(
        "2024-12-01",
        "alipay-app",
        "meituan",
        "alipay",
        Undecided,
        &["meituan-alipay-mini-programs"],
        "美团外卖、美团酒店…上线支付宝小程序, but Meituan's payment by Alipay is not stated",
    ),
];

/// One channel on one day, where a journey would mix in other hops: the channel the issue names.
struct ChannelCase {
    channel: Channel,
    from: &'static str,
    to: &'static str,
    date: &'static str,
    /// `None`: no event speaks of the channel at all.
    verdict: Option<Verdict>,
    why: &'static str,
}

const fn v(lo: Level, hi: Level) -> Option<Verdict> {
    Some(Verdict { lo, hi })
}

const CHANNELS: &[ChannelCase] = &[
    ChannelCase {
        channel: Channel::Ad,
        from: "wechat-official-account",
        to: "taobao",
        date: "2013-11-11",
        verdict: v(Level::Blocked, Level::Direct),
        why:
            "当天微信公众账号广告价格翻了三倍以上，基本是淘宝电商们买的单: the 2023 opening does not close them before",
    },
    ChannelCase {
        channel: Channel::Pay,
        from: "kaola",
        to: "wechat-pay",
        date: "2020-06-01",
        verdict: v(Level::Blocked, Level::Direct),
        why: "an opening announced in 2021 says nothing of 2020",
    },
    ChannelCase {
        channel: Channel::Pay,
        from: "kaola",
        to: "wechat-pay",
        date: "2021-12-01",
        verdict: v(Level::Announced, Level::Direct),
        why: "宣布接入: announced, and may since have taken effect",
    },
    ChannelCase {
        channel: Channel::Pay,
        from: "taobao",
        to: "unionpay",
        date: "2020-06-01",
        verdict: v(Level::Blocked, Level::Direct),
        why: "已可以 by 2021: not a wall in 2020",
    },
    ChannelCase {
        channel: Channel::Pay,
        from: "wechat-shop",
        to: "alipay",
        date: "2016-01-01",
        verdict: v(Level::Blocked, Level::Partial),
        why: "很快也将不能继续使用支付宝付款: announced with no date, so blocked or still partial",
    },
    ChannelCase {
        channel: Channel::Link,
        from: "wechat-moments",
        to: "taobao",
        date: "2016-01-01",
        verdict: None,
        why: "no source says organic Moments links were blocked",
    },
    ChannelCase {
        channel: Channel::Pay,
        from: "offline",
        to: "alipay",
        date: "2015-01-01",
        verdict: None,
        why: "the QR quote is about Weibo and Alipay reading codes, not about shops taking Alipay",
    },
    ChannelCase {
        channel: Channel::Qr,
        from: "weibo",
        to: "offline",
        date: "2015-01-01",
        verdict: v(Level::Announced, Level::Direct),
        why: "双方还将互通二维码: Weibo's app reads the codes, announced",
    },
    ChannelCase {
        channel: Channel::Qr,
        from: "alipay-app",
        to: "offline",
        date: "2015-01-01",
        verdict: v(Level::Announced, Level::Direct),
        why: "…还是支付宝钱包客户端,均可扫描: the other way round, also announced",
    },
    ChannelCase {
        channel: Channel::Pay,
        from: "taobao",
        to: "wechat-pay",
        date: "2014-02-12",
        verdict: v(Level::Blocked, Level::Direct),
        why: "no text dates Taobao without WeChat Pay before Alipay's policy",
    },
];

#[test]
fn channels_the_sources_leave_open_stay_open() {
    let data = embedded::dataset();
    let model = Model::new(&data, &Off::new());
    let mut failures = Vec::new();
    for c in CHANNELS {
        let id = ChannelId { channel: c.channel, from: c.from.into(), to: c.to.into() };
        let got = model.channel_at(&id, parse_day(c.date).unwrap()).map(|(v, _)| v);
        if got != c.verdict {
            failures.push(format!(
                "{:?} {} → {} on {}: got {got:?}, expected {:?} ({})",
                c.channel, c.from, c.to, c.date, c.verdict, c.why
            ));
        }
    }
    assert!(failures.is_empty(), "{} channels differ:\n{}", failures.len(), failures.join("\n"));
}

#[test]
fn journeys_from_the_seeds() {
    let data = embedded::dataset();
    let model = Model::new(&data, &Off::new());
    let mut failures = Vec::new();
    for c in CASES {
        let journey = Journey::new(c.from, c.shop, c.pay);
        let answer = model.answer(parse_day(c.date).unwrap(), &journey);
        let cited: BTreeSet<&str> = answer.cited().iter().map(|&i| data.events[i].id.as_str()).collect();
        let missing: Vec<_> = c.cites.iter().filter(|id| !cited.contains(**id)).collect();
        let inferred = inferences(&data, &answer);
        let unshown: Vec<_> = c.inferred.iter().filter(|i| !inferred.contains(*i)).collect();
        let grounds = answer.grounds();
        let grounds_ok = match (c.grounds, &grounds) {
            (Grounds::Any, _) => true,
            (Grounds::Stated, Some(g)) => g.stated(),
            (Grounds::Inferred(rules, confirmed), Some(g)) => {
                !g.stated()
                    && rules.iter().all(|r| g.rules.contains(*r))
                    && confirmed.is_none_or(|d| g.confirmed == Some(parse_day(d).unwrap()))
                    && (confirmed.is_some() == g.rules.contains(Rule::Persists))
            }
            (_, None) => false,
        };
        if answer.verdict.word() != c.word || !missing.is_empty() || !unshown.is_empty() || !grounds_ok {
            failures.push(format!(
                "{} {} → {} / {}: got {:?} {:?} citing {:?}, expected {:?} citing {:?} ({})",
                c.date,
                c.from,
                c.shop,
                c.pay,
                answer.verdict.word(),
                answer.verdict,
                cited,
                c.word,
                c.cites,
                c.why
            ));
            if !unshown.is_empty() {
                failures.push(format!("    inferred steps missing: {unshown:?}; shown: {inferred:?}"));
            }
            if !grounds_ok {
                failures.push(format!("    grounds: expected {:?}, got {grounds:?}", c.grounds));
            }
        }
    }
    assert!(failures.is_empty(), "{} of {} journeys differ:\n{}", failures.len(), CASES.len(), failures.join("\n"));
}

/// Every inferred step of an answer, as (rule, event id); "" for a rule of the step itself.
fn inferences(data: &hutong_core::Dataset, answer: &hutong_core::route::Answer) -> BTreeSet<(Rule, &'static str)> {
    let mut out = BTreeSet::new();
    for hop in [&answer.reach, &answer.pay] {
        for route in &hop.routes {
            for step in &route.steps {
                out.extend(step.rules.iter().map(|r| (r, "")));
                for b in &step.basis {
                    let id: &'static str = Box::leak(data.events[b.event].id.clone().into_boxed_str());
                    out.extend(b.rules.iter().map(|r| (r, id)));
                }
            }
        }
    }
    out
}

#[test]
fn every_verdict_but_undecided_cites_an_event() {
    let data = embedded::dataset();
    let model = Model::new(&data, &Off::new());
    let days: Vec<_> = ["2012-01-01", "2014-03-01", "2016-01-01", "2020-01-01", "2022-06-01", "2024-12-01"]
        .iter()
        .map(|d| parse_day(d).unwrap())
        .collect();
    for journey in model.journeys() {
        for &day in &days {
            let answer = model.answer(day, &journey);
            if answer.verdict.word() != Word::Undecided {
                assert!(!answer.cited().is_empty(), "{journey:?} on {day}: {:?} cites nothing", answer.verdict);
            }
        }
    }
}

#[test]
fn undecided_reports_both_ends() {
    let data = embedded::dataset();
    let model = Model::new(&data, &Off::new());
    let v = model.verdict(parse_day("2014-06-01").unwrap(), &Journey::new("wechat-group", "taobao", "alipay"));
    assert_eq!(v, Verdict { lo: Level::Blocked, hi: Level::Workaround });
}

#[test]
fn switching_off_the_2021_group_opening_keeps_the_wall() {
    let data = embedded::dataset();
    let idx = data.events.iter().position(|e| e.id == "wechat-group-chat-links").unwrap();
    let off: Off = [idx].into();
    let journey = Journey::new("wechat-group", "taobao", "alipay");
    let day = parse_day("2022-06-01").unwrap();
    assert_eq!(Model::new(&data, &Off::new()).verdict(day, &journey).word(), Word::Direct);
    let counterfactual = Model::new(&data, &off).verdict(day, &journey);
    assert_eq!(counterfactual, Verdict { lo: Level::Blocked, hi: Level::Workaround });
}

#[test]
fn timelines_cover_every_day_with_runs() {
    let data = embedded::dataset();
    let model = Model::new(&data, &Off::new());
    let (start, end) = (parse_day("2004-01-01").unwrap(), parse_day("2025-12-31").unwrap());
    let journey = Journey::new("wechat-group", "taobao", "alipay");
    let runs = model.timeline(&journey, start, end);
    assert_eq!(runs[0].0, start);
    // The runs agree with asking day by day.
    for day in start.iter_days().step_by(97).take_while(|d| *d <= end) {
        let run = runs.iter().rev().find(|(s, _)| *s <= day).unwrap();
        assert_eq!(run.1, model.verdict(day, &journey), "{day}");
    }
    let words: Vec<Word> = runs.iter().map(|r| r.1.word()).collect();
    assert!(words.ends_with(&[Word::Undecided, Word::Direct]), "{words:?}");
}

#[test]
fn the_fast_verdict_equals_the_explained_one() {
    let data = embedded::dataset();
    let off: Off = [3, 17, 40].into();
    for off in [Off::new(), off] {
        let model = Model::new(&data, &off);
        let days: Vec<_> = parse_day("2004-01-01").unwrap().iter_days().step_by(151).take(53).collect();
        for journey in model.journeys().iter().step_by(3) {
            for &day in &days {
                assert_eq!(model.verdict(day, journey), model.answer(day, journey).verdict, "{journey:?} {day}");
            }
        }
    }
}

/// Regression: the precomputed runs changed state the day after a date window's last day, so on
/// that day (the first on which the event is certain) the network and the fast verdict lagged the
/// explained answer by a day ("../2014-01-06" read as still uncertain on 2014-01-06).
#[test]
fn the_fast_verdict_equals_the_explained_one_on_every_window_edge() {
    let data = embedded::dataset();
    let model = Model::new(&data, &Off::new());
    let mut days = BTreeSet::new();
    for e in &data.events {
        for d in [e.date.earliest(), e.date.latest()].into_iter().flatten() {
            days.extend([d.pred_opt(), Some(d), d.succ_opt()].into_iter().flatten());
        }
    }
    for journey in model.journeys().iter().step_by(7) {
        for &day in &days {
            assert_eq!(model.verdict(day, journey), model.answer(day, journey).verdict, "{journey:?} {day}");
        }
    }
}

#[test]
fn a_shared_model_answers_as_a_borrowed_one() {
    let data = hutong_core::embedded::dataset();
    let shared = hutong_core::route::Model::shared(std::sync::Arc::new(data.clone()), &Default::default());
    let borrowed = hutong_core::route::Model::new(&data, &Default::default());
    for journey in borrowed.journeys().iter().step_by(7) {
        for day in ["2013-06-01", "2014-02-14", "2021-12-01", "2024-10-01"] {
            let day = hutong_core::date::parse_day(day).unwrap();
            assert_eq!(shared.verdict(day, journey), borrowed.verdict(day, journey));
        }
    }
}

/// What `channel_at` says of a channel (verdict, events, how each is known) changes only on the days
/// `channel_answer_changes` names: the network precomputes its runs from them.
#[test]
fn a_channel_answer_changes_only_on_the_days_the_model_names() {
    let data = embedded::dataset();
    let model = Model::new(&data, &Off::new());
    let start = parse_day("2004-01-01").unwrap();
    for id in model.channels() {
        let changes: BTreeSet<_> = model.channel_answer_changes(&id).into_iter().collect();
        let mut last = model.channel_at(&id, start).unwrap();
        for day in start.iter_days().skip(1).step_by(2).take(4100) {
            let now = model.channel_at(&id, day).unwrap();
            if now != last {
                let prev = day.pred_opt().unwrap();
                assert!(
                    changes.contains(&day) || changes.contains(&prev),
                    "{id:?} changed by {day} on no named day: {last:?} → {now:?}"
                );
            }
            last = now;
        }
    }
}
