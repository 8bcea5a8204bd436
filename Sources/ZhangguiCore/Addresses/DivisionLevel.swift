/// The three levels of China's administrative divisions that a shipping address names.
public enum DivisionLevel: String, Sendable {
    /// 省级: province, autonomous region, municipality or special administrative region.
    case province
    /// 地级: prefecture-level city, autonomous prefecture, league or region.
    case city
    /// 县级: district, county, county-level city or banner.
    case district
}
