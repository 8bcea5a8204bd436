import Testing
import ZhangguiCore

@Suite("Our couriers in each platform's own codes")
struct PlatformCourierCodesTests {
    @Test(
        "中通, 顺丰 and 韵达 as the spec and the courier crosswalk spell them",
        arguments: [
            // TOP §1.6 common codes; JD §2.5 logiCoprId; PDD crosswalk pdd_logistics_id; 快手 §5.4 expressCode;
            // 小红书 §6.4 examples.
            (Platform.taobao, "ZTO", "ZTO"), (.taobao, "YD", "YUNDA"),
            (.jd, "ZTO", "1499"), (.jd, "SF", "467"), (.jd, "YD", "1327"),
            (.pinduoduo, "ZTO", "115"), (.pinduoduo, "SF", "44"), (.pinduoduo, "YD", "121"),
            (.kuaishou, "ZTO", "9"), (.kuaishou, "SF", "4"), (.kuaishou, "YD", "11"), (.kuaishou, "JT", "109"),
            (.xiaohongshu, "ZTO", "zto"), (.xiaohongshu, "SF", "shunfeng"),
        ]
    )
    func builtIn(platform: Platform, courier: String, expected: String) {
        #expect(PlatformCourierCodes.code(for: courier, on: platform) == expected)
    }

    @Test("抖店 documents none, and a courier no table names is never guessed")
    func unknown() {
        #expect(PlatformCourierCodes.code(for: "ZTO", on: .doudian) == nil)
        #expect(PlatformCourierCodes.code(for: "JT", on: .jd) == nil)
        #expect(PlatformCourierCodes.code(for: "9", on: .jd) == nil)
    }

    @Test("a courier already named in the platform's code goes as it is: 1499 on JD, 9 on 快手")
    func platformCodesPassThrough() {
        #expect(PlatformCourierCodes.code(for: "1499", on: .jd) == "1499")
        #expect(PlatformCourierCodes.code(for: "9", on: .kuaishou) == "9")
        #expect(PlatformCourierCodes.code(for: "zhongtong", on: .doudian) == nil)
    }

    @Test("a shop's own code wins over the built-in one")
    func shopCodes() {
        #expect(PlatformCourierCodes.code(for: "ZTO", on: .doudian, shopCodes: ["ZTO": "zhongtong"]) == "zhongtong")
        #expect(PlatformCourierCodes.code(for: "ZTO", on: .jd, shopCodes: ["ZTO": "1500"]) == "1500")
        #expect(PlatformCourierCodes.code(for: "SF", on: .jd, shopCodes: ["ZTO": "1500"]) == "467")
    }
}
