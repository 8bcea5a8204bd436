import Foundation
import Testing
import ZhangguiCore

/// Real ERP region names against the catalog: the 旺店通 城市代码表 keeps the legacy and platform-style names that
/// orders still carry. The file has no licence, so it is read from the shared fixtures and never copied here.
@Suite("Region names an ERP uses")
struct WangdiantongCoverageTests {
    private static let file = "wangdiantong_region_codes.csv"

    /// One region row: level, code, name, parent code.
    private struct Region {
        let level: String
        let code: String
        let name: String
        let parentCode: String
    }

    /// 98.07 % (3,456 of 3,524) was measured when this test was written; a drop means names that used to resolve no
    /// longer do. What is left is mostly development zones (开发区, 高新区), typing errors and divisions split among
    /// several successors (邯郸县, 邢台县).
    private static let acceptanceFloor = 0.98

    @Test("nearly every province, city and district an ERP offers resolves")
    func erpRegionsResolve() throws {
        let path = URL(fileURLWithPath: ReferenceData.sharedDivisionsDirectory).appendingPathComponent(Self.file).path
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
            print("Skipped: \(Self.file) is not in the shared data folder (it has no licence and is never copied).")
            return
        }
        let catalog = try ReferenceData.catalog.get()
        let triples = Self.triples(from: Self.regions(in: text))
        let failures = triples.filter { triple in
            (try? catalog.resolve(province: triple.0, city: triple.1, district: triple.2).get()) == nil
        }
        let acceptance = Double(triples.count - failures.count) / Double(triples.count)
        print("Accepted \(triples.count - failures.count) of \(triples.count) ERP regions (\(acceptance)).")
        for failure in failures {
            print("Not resolved: \(failure.0) / \(failure.1) / \(failure.2)")
        }
        #expect(triples.count > 3_000)
        #expect(acceptance >= Self.acceptanceFloor)
    }

    private static func regions(in text: String) -> [Region] {
        text.split(whereSeparator: \.isNewline).dropFirst().compactMap { line in
            let fields = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            guard fields.count == 4 else { return nil }
            return Region(level: fields[0], code: fields[1], name: fields[2], parentCode: fields[3])
        }
    }

    /// Every (province, city, district), and (province, city, "") for a city listed without districts. Codes repeat
    /// across levels in this file, so parents are looked up within the level above. The `其它区` catch-alls and the
    /// 海外 pseudo-province are left out: they name no place.
    private static func triples(from regions: [Region]) -> [(String, String, String)] {
        let provinces = Dictionary(byLevel("province", regions), uniquingKeysWith: { first, _ in first })
        let cities = Dictionary(byLevel("city", regions), uniquingKeysWith: { first, _ in first })
        let citiesWithDistricts = Set(regions.filter { $0.level == "district" }.map(\.parentCode))
        var triples: [(String, String, String)] = []
        for city in cities.values where !citiesWithDistricts.contains(city.code) {
            guard let province = provinces[city.parentCode] else { continue }
            triples.append((province.name, city.name, ""))
        }
        for district in regions where district.level == "district" {
            guard let city = cities[district.parentCode], let province = provinces[city.parentCode] else { continue }
            triples.append((province.name, city.name, district.name))
        }
        return triples.filter { !catchAllNames.contains($0.2) && $0.0 != "海外" }
    }

    private static let catchAllNames: Set<String> = ["其它区", "其他区", "其它县"]

    private static func byLevel(_ level: String, _ regions: [Region]) -> [(String, Region)] {
        regions.filter { $0.level == level }.map { ($0.code, $0) }
    }
}
