/// The peoples named in autonomous divisions (民族自治地方), without the trailing `族`.
enum EthnicGroups {
    /// The 55 minority peoples, plus `各` from 龙胜各族自治县. Longer names come first so that `土家` wins over `土`.
    static let names: [String] = [
        "柯尔克孜", "乌孜别克", "鄂伦春", "鄂温克", "达斡尔", "维吾尔", "哈萨克", "塔吉克", "俄罗斯", "塔塔尔",
        "蒙古", "布依", "朝鲜", "土家", "哈尼", "傈僳", "高山", "拉祜", "东乡", "纳西", "景颇", "仫佬", "布朗",
        "撒拉", "毛南", "仡佬", "锡伯", "阿昌", "普米", "德昂", "保安", "裕固", "独龙", "赫哲", "门巴", "珞巴",
        "基诺", "回", "藏", "苗", "彝", "壮", "满", "侗", "瑶", "白", "傣", "黎", "佤", "畲", "水", "土", "羌", "怒",
        "京", "各",
    ]
}
