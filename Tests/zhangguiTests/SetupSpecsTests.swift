import Testing
import ZhangguiCore

@testable import zhanggui

@Suite("Warehouses and waybill ranges written on the command line")
struct SetupSpecsTests {
    @Test(
        "CODE:NAME[:PRIORITY[:REGIONS]] reads as a warehouse",
        arguments: [
            ("MAIN:主仓", Warehouse(code: "MAIN", name: "主仓", priority: 1)),
            ("GZ:华南仓:3", Warehouse(code: "GZ", name: "华南仓", priority: 3)),
            ("SH:华东仓:1:31+32+3301", Warehouse(code: "SH", name: "华东仓", priority: 1, regions: ["31", "32", "3301"])),
            (" BJ : 北京仓 : 2 : 11 ", Warehouse(code: "BJ", name: "北京仓", priority: 2, regions: ["11"])),
        ]
    )
    func warehouses(spec: String, expected: Warehouse) throws {
        #expect(try SetupSpecs.warehouse(spec, label: "--warehouse") == expected)
    }

    @Test(
        "a wrong warehouse is refused, saying what is wrong",
        arguments: [
            ("MAIN", "--warehouse 'MAIN' is not CODE:NAME[:PRIORITY[:REGIONS]]"),
            (":主仓", "--warehouse ':主仓' is not CODE:NAME[:PRIORITY[:REGIONS]]"),
            ("A:甲:1:31:x", "--warehouse 'A:甲:1:31:x' is not CODE:NAME[:PRIORITY[:REGIONS]]"),
            ("A:甲:first", "--warehouse 'A:甲:first': PRIORITY 'first' is not a whole number"),
            ("A:甲:1:", "--warehouse 'A:甲:1:': empty region; leave REGIONS off for a warehouse serving everywhere"),
            (
                "A:甲:1:31+3x",
                "--warehouse 'A:甲:1:31+3x': region '3x' is not a division-code prefix of 2 to 6 digits (such as 31 or "
                    + "3301)"
            ),
        ]
    )
    func wrongWarehouses(spec: String, message: String) {
        do {
            _ = try SetupSpecs.warehouse(spec, label: "--warehouse")
            Issue.record("expected a usage error")
        } catch {
            #expect(error.description == message)
        }
    }

    @Test("COURIER:PREFIX:FIRST:LAST reads as a range; the prefix may be empty")
    func ranges() throws {
        let range = try SetupSpecs.waybillRange("SF:SF:1000:1999", label: "--set-range")
        #expect(range.courier == "SF")
        #expect(range.prefix == "SF")
        #expect(range.first == 1000)
        #expect(range.last == 1999)
        #expect(try SetupSpecs.waybillRange("ZG::0:0", label: "--set-range").prefix == "")
    }

    @Test(
        "a range without a courier, with a number missing, backwards or below zero is refused",
        arguments: [":ZG:1:9", "ZG:ZG:1", "ZG:ZG:one:9", "ZG:ZG:9:1", "ZG:ZG:-1:9"]
    )
    func wrongRanges(spec: String) {
        #expect(throws: UsageError.self) { try SetupSpecs.waybillRange(spec, label: "--set-range") }
    }
}
