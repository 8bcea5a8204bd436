/// How each platform names our couriers when a shipment is confirmed (发货回传): TOP `company_code`, JD
/// `logiCoprId`, PDD `logistics_id`, 快手 `expressCode`, 小红书 `expressCompanyCode`, 抖店 `company_code`.
///
/// Our courier codes are the short codes couriers are known by (`SF`, `ZTO`, `YTO`, `STO`, `YD` 韵达, `EMS`,
/// `YZPY` 邮政快递包裹, `JD`, `JT` 极兔, `DBL` 德邦, `HTKY` 百世, `UC` 优速, `ZJS` 宅急送). The built-in table holds what
/// specs/platform-apis.md and the courier crosswalk of the shared data state; a shop's own codes (set by hand,
/// from the platform's courier list) win over it. A courier with no code at all is never guessed: the confirmation
/// waits with an error naming the courier and the platform.
public enum PlatformCourierCodes {
    /// The platform's code for our courier `courierCode`: the shop's own first, then the built-in table; a code
    /// that already is one of the table's codes for this platform (a courier named the platform's way, such as
    /// `1499` on JD) goes as it is. Nil when none of these applies.
    public static func code(for courierCode: String, on platform: Platform, shopCodes: [String: String] = [:])
        -> String?
    {
        let table = builtIn[platform] ?? [:]
        if let code = shopCodes[courierCode] ?? table[courierCode] { return code }
        return table.values.contains(courierCode) ? courierCode : nil
    }

    /// The built-in codes per platform, by our courier code.
    ///
    /// TOP (§1.6, "common codes", unconfirmed), JD (§2.5, ids seen in a connector, unconfirmed), PDD (the
    /// crosswalk's `pdd_logistics_id`), 快手 (§5.4's expressCode table) and 小红书 (§6.4's examples). 抖店's codes come
    /// from `order.logisticsCompanyList` and none is documented: every 抖店 shop sets its own.
    public static let builtIn: [Platform: [String: String]] = [
        .taobao: ["SF": "SF", "ZTO": "ZTO", "YTO": "YTO", "STO": "STO", "YD": "YUNDA", "EMS": "EMS", "JD": "JD"],
        .jd: [
            "ZTO": "1499", "YD": "1327", "STO": "470", "YTO": "463", "SF": "467", "EMS": "465", "DBL": "3046",
            "JD": "2087",
        ],
        .pinduoduo: [
            "SF": "44", "ZTO": "115", "YTO": "85", "STO": "1", "YD": "121", "EMS": "118", "YZPY": "132", "JD": "120",
            "DBL": "131", "HTKY": "3", "UC": "117", "ZJS": "129",
        ],
        .kuaishou: [
            "EMS": "2", "STO": "3", "SF": "4", "YTO": "6", "YZPY": "8", "ZTO": "9", "ZJS": "10", "YD": "11", "JD": "14",
            "UC": "15", "DBL": "17", "JT": "109",
        ],
        .xiaohongshu: [
            "ZTO": "zto", "YTO": "yuantong", "STO": "shentong", "YD": "yunda", "SF": "shunfeng", "JD": "jd",
            "EMS": "ems", "YZPY": "youzhengguonei", "JT": "jtexpress", "DBL": "debangwuliu",
        ],
        .doudian: [:],
    ]
}
