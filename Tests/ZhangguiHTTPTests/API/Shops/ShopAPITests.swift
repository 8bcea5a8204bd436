import Foundation
import Testing
import ZhangguiCore
import ZhangguiHTTP
import ZhangguiStore

@Suite("the connected shops over the JSON API: what `zhanggui shop` does, reachable over HTTP")
struct ShopAPITests {
    @Test("the shop list shows code, platform, status and settings, and never a credential")
    func list() async throws {
        let bed = try ShopBed()
        let finance = try await bed.shop.signIn(.finance)

        let list = try await bed.shop.call("GET", "/api/v1/shops", as: finance)
        let one = try await bed.shop.call("GET", "/api/v1/shops/\(bed.shopID)", as: finance)

        #expect(list.status == 200 && one.status == 200)
        let shops = try #require(try list.json["shops"] as? [[String: Any]])
        #expect(shops.count == 1)
        let shop = shops[0]
        #expect(shop["id"] as? Int64 == bed.shopID && shop["code"] as? String == "TM1")
        #expect(shop["name"] as? String == "天猫旗舰店" && shop["platform"] as? String == "taobao")
        #expect(shop["status"] as? String == "active")
        // The defaults: the whole available stock, nothing kept back, no cap; five minutes read again, no lag.
        #expect(shop["shareBasisPoints"] as? Int64 == 10_000 && shop["buffer"] as? Int64 == 0 && shop["max"] == nil)
        #expect(shop["overlapSeconds"] as? Int64 == 300 && shop["lagSeconds"] as? Int64 == 0)
        #expect(shop["lastRun"] == nil)
        #expect(try one.json["code"] as? String == "TM1")
        #expect(try !bed.holdsSecret(list.text) && !bed.holdsSecret(one.text))
        #expect(!list.text.contains("credential") && !list.text.contains("accessToken"))
    }

    @Test("a sync pass stores the shop's two new orders and pushes the stock share PATCH set: (12 − 2) × 50 % = 5")
    func syncNow() async throws {
        let bed = try ShopBed()
        let admin = try await bed.shop.signIn(.admin)
        let shopPath = "/api/v1/shops/\(bed.shopID)"

        let patched = try await bed.shop.call(
            "PATCH",
            shopPath,
            as: admin,
            json: #"{"shareBasisPoints":5000,"buffer":2}"#
        )
        let synced = try await bed.shop.call("POST", "\(shopPath)/sync", as: admin)
        let pushes = try await bed.shop.call("GET", "\(shopPath)/stock-pushes", as: admin)
        let runs = try await bed.shop.call("GET", "\(shopPath)/sync-runs?limit=50", as: admin)
        let listed = try await bed.shop.call("GET", "/api/v1/shops", as: admin)

        #expect(patched.status == 200, "\(patched.text)")
        #expect(try patched.json["shareBasisPoints"] as? Int64 == 5000 && patched.json["buffer"] as? Int64 == 2)
        #expect(synced.status == 200, "\(synced.text)")
        let report = try synced.json
        #expect(report["outcome"] as? String == "done" && report["shop"] as? String == "TM1")
        let orders = try #require(report["orders"] as? [String: Any])
        #expect(orders["new"] as? Int64 == 2 && orders["changed"] as? Int64 == 0 && orders["errors"] as? Int64 == 0)
        #expect(report["stockPushed"] as? Int64 == 1 && report["stockRefused"] as? Int64 == 0)
        // MUG: 12 on hand, none reserved (both orders wait for review), 2 kept back, half of the rest offered.
        let pushList = try #require(try pushes.json["pushes"] as? [[String: Any]])
        #expect(pushList.count == 1)
        #expect(pushList.first?["itemID"] as? String == "1001" && pushList.first?["skuID"] as? String == "2001")
        #expect(pushList.first?["newQuantity"] as? Int64 == 5 && pushList.first?["oldQuantity"] == nil)
        #expect(pushList.first?["isAccepted"] as? Bool == true)
        // The first run reaches back one day from the sync's clock, on one page.
        let runList = try #require(try runs.json["runs"] as? [[String: Any]])
        let ordersRun = try #require(runList.first { $0["kind"] as? String == "orders" })
        #expect(ordersRun["windowStartMillis"] as? Int64 == ShopBed.now - 86_400_000)
        #expect(ordersRun["windowEndMillis"] as? Int64 == ShopBed.now)
        #expect(ordersRun["pages"] as? Int64 == 1 && ordersRun["new"] as? Int64 == 2)
        #expect(ordersRun["outcome"] as? String == "done")
        let lastRun = try #require((try listed.json["shops"] as? [[String: Any]])?.first?["lastRun"] as? [String: Any])
        #expect(lastRun["outcome"] as? String == "done")
        // Both wait for review; review, not the sync, holds P2 for its unmapped line.
        #expect(try bed.tradeState("P1") == "pendingReview" && bed.tradeState("P2") == "pendingReview")
        #expect(try bed.auditedActions() == ["shop.settings", "shop.sync"])
        for answer in [patched, synced, pushes, runs, listed] {
            #expect(try !bed.holdsSecret(answer.text))
        }
    }

    @Test("mapping an unmapped listing SKU by hand sends its held order back to review")
    func mapSKU() async throws {
        let bed = try ShopBed()
        let admin = try await bed.shop.signIn(.admin)
        let shopPath = "/api/v1/shops/\(bed.shopID)"
        _ = try await bed.shop.call("POST", "\(shopPath)/sync", as: admin)
        _ = try await bed.shop.call("POST", "/api/v1/orders/review", as: admin)
        let heldBefore = try bed.tradeState("P2")

        let unmapped = try await bed.shop.call("GET", "\(shopPath)/sku-mappings?unmapped=1", as: admin)
        let unknownSKU = try await bed.shop.call(
            "PUT",
            "\(shopPath)/sku-mappings/1002",
            as: admin,
            json: #"{"sku":"NOSUCH"}"#
        )
        let noItem = try await bed.shop.call(
            "PUT",
            "\(shopPath)/sku-mappings/:2001",
            as: admin,
            json: #"{"sku":"MUG"}"#
        )
        let mapped = try await bed.shop.call("PUT", "\(shopPath)/sku-mappings/1002", as: admin, json: #"{"sku":"MUG"}"#)
        let all = try await bed.shop.call("GET", "\(shopPath)/sku-mappings", as: admin)
        let badQuery = try await bed.shop.call("GET", "\(shopPath)/sku-mappings?unmapped=maybe", as: admin)

        let waiting = try #require(try unmapped.json["listings"] as? [[String: Any]])
        #expect(waiting.count == 1)
        #expect(waiting.first?["itemID"] as? String == "1002" && waiting.first?["outerID"] as? String == "NOPE")
        #expect(waiting.first?["sku"] == nil)
        #expect(try unknownSKU.status == 400 && (unknownSKU.error["field"] as? String) == "sku")
        #expect(try noItem.status == 400 && (noItem.error["field"] as? String) == "platformSku")
        #expect(mapped.status == 200, "\(mapped.text)")
        #expect(heldBefore == "onHold")
        #expect(try mapped.json["linesRemapped"] as? Int64 == 1 && mapped.json["tradesReleased"] as? Int64 == 1)
        let listings = try #require(try all.json["listings"] as? [[String: Any]])
        #expect(listings.map { $0["itemID"] as? String } == ["1001", "1002"])
        #expect(listings.map { $0["sku"] as? String } == ["MUG", "MUG"])
        #expect(listings.map { $0["mappedBy"] as? String } == ["outerID", "hand"])
        #expect(badQuery.status == 400)
        #expect(try bed.tradeState("P2") == "pendingReview")
        #expect(try bed.auditedActions() == ["shop.sync", "shop.mapSku"])
    }

    @Test("a backfill reads the range again and changes nothing stored; bad ranges are refused naming the field")
    func backfill() async throws {
        let bed = try ShopBed()
        let admin = try await bed.shop.signIn(.admin)
        let path = "/api/v1/shops/\(bed.shopID)/backfill"
        _ = try await bed.shop.call("POST", "/api/v1/shops/\(bed.shopID)/sync", as: admin)

        // 00:00–08:00 in Shanghai is 16:00–24:00 UTC the day before: both orders (23:50 UTC) fall inside.
        let again = try await bed.shop.call(
            "POST",
            path,
            as: admin,
            json: #"{"from":"2026-12-05","to":"2026-12-05 08:00"}"#
        )
        let refusals: [(String, String)] = [
            (#"{"from":"2026-08-01","to":"2026-12-01"}"#, "to"),  // 122 days, more than 92
            (#"{"from":"yesterday","to":"2026-12-01"}"#, "from"),
            (#"{"from":"2026-12-05","to":"2026-12-04"}"#, "to"),
            (#"{"from":"2026-12-05"}"#, "to"),
        ]

        #expect(again.status == 200, "\(again.text)")
        let orders = try #require(try again.json["orders"] as? [String: Any])
        #expect(orders["new"] as? Int64 == 0 && orders["unchanged"] as? Int64 == 2)
        for (body, field) in refusals {
            let answer = try await bed.shop.call("POST", path, as: admin, json: body)
            #expect(answer.status == 400, "\(body)")
            #expect(try answer.error["field"] as? String == field, "\(body): \(answer.text)")
        }
        let longest = try await bed.shop.call("POST", path, as: admin, json: refusals[0].0)
        #expect(longest.text.contains("92 days"))
    }

    @Test("repull fetches one order again: the same version is unchanged, an order the platform lacks fails")
    func repull() async throws {
        let bed = try ShopBed()
        let admin = try await bed.shop.signIn(.admin)
        let path = "/api/v1/shops/\(bed.shopID)/repull"
        _ = try await bed.shop.call("POST", "/api/v1/shops/\(bed.shopID)/sync", as: admin)

        let same = try await bed.shop.call("POST", path, as: admin, json: #"{"platformOrderID":"P1"}"#)
        let missing = try await bed.shop.call("POST", path, as: admin, json: #"{"platformOrderID":"P9"}"#)
        let blank = try await bed.shop.call("POST", path, as: admin, json: #"{"platformOrderID":"  "}"#)

        #expect(try same.status == 200 && (same.json["outcome"] as? String) == "unchanged", "\(same.text)")
        #expect(try missing.status == 200 && (missing.json["outcome"] as? String) == "failed")
        #expect(try missing.json["error"] as? String != nil)
        #expect(try blank.status == 400 && (blank.error["field"] as? String) == "platformOrderID")
        #expect(try bed.auditedActions() == ["shop.sync", "shop.repull", "shop.repull"])
    }

    @Test("a server without the credentials' key answers 503 naming it, and still lists the shops")
    func withoutKey() async throws {
        let bed = try ShopBed(hasKey: false)
        let admin = try await bed.shop.signIn(.admin)
        let path = "/api/v1/shops/\(bed.shopID)"

        let sync = try await bed.shop.call("POST", "\(path)/sync", as: admin)
        let backfill = try await bed.shop.call(
            "POST",
            "\(path)/backfill",
            as: admin,
            json: #"{"from":"2026-12-01","to":"2026-12-02"}"#
        )
        let repull = try await bed.shop.call("POST", "\(path)/repull", as: admin, json: #"{"platformOrderID":"P1"}"#)
        let list = try await bed.shop.call("GET", "/api/v1/shops", as: admin)

        for answer in [sync, backfill, repull] {
            #expect(answer.status == 503)
            #expect(try answer.error["code"] as? String == "sync_unavailable")
            #expect(answer.text.contains("ZHANGGUI_SECRET_KEY"))
        }
        #expect(list.status == 200 && list.text.contains("TM1"))
        #expect(try bed.auditedActions().isEmpty)
    }

    @Test("settings out of range are refused naming the field; pause, resume and removing the cap work")
    func settings() async throws {
        let bed = try ShopBed()
        let admin = try await bed.shop.signIn(.admin)
        let path = "/api/v1/shops/\(bed.shopID)"
        let refusals: [(String, String)] = [
            (#"{"shareBasisPoints":10001}"#, "shareBasisPoints"), (#"{"buffer":-1}"#, "buffer"),
            (#"{"max":10000001}"#, "max"), (#"{"lagSeconds":86401}"#, "lagSeconds"),
            (#"{"overlapSeconds":-5}"#, "overlapSeconds"), (#"{"max":3,"removeMax":true}"#, "removeMax"),
            (#"{"colour":"red"}"#, "colour"), (#"{"paused":"yes"}"#, "paused"),
        ]

        for (body, field) in refusals {
            let answer = try await bed.shop.call("PATCH", path, as: admin, json: body)
            #expect(answer.status == 400, "\(body)")
            #expect(try answer.error["field"] as? String == field, "\(body): \(answer.text)")
        }
        let capped = try await bed.shop.call(
            "PATCH",
            path,
            as: admin,
            json: #"{"max":7,"overlapSeconds":600,"lagSeconds":30,"paused":true}"#
        )
        let skipped = try await bed.shop.call("POST", "\(path)/sync", as: admin)
        let uncapped = try await bed.shop.call("PATCH", path, as: admin, json: #"{"removeMax":true,"paused":false}"#)

        #expect(try bed.auditedActions() == ["shop.settings", "shop.sync", "shop.settings"])
        let shop = try capped.json
        #expect(shop["max"] as? Int64 == 7 && shop["status"] as? String == "paused")
        #expect(shop["overlapSeconds"] as? Int64 == 600 && shop["lagSeconds"] as? Int64 == 30)
        #expect(shop["shareBasisPoints"] as? Int64 == 10_000)
        #expect(try skipped.json["skipped"] as? String != nil)
        #expect(try (skipped.json["orders"] as? [String: Any])?["new"] as? Int64 == 0)
        #expect(try uncapped.json["max"] == nil && uncapped.json["status"] as? String == "active")
    }

    @Test("a shop whose grant expired shows 授权过期 and cannot be paused or resumed until authorised again")
    func expired() async throws {
        let bed = try ShopBed()
        let admin = try await bed.shop.signIn(.admin)
        try bed.shop.database.write {
            _ = try ShopConnectionRecords($0)
                .setStatus(.authorizationExpired, from: .active, shopID: bed.shopID, companyID: bed.shop.companyA.id)
        }

        let shown = try await bed.shop.call("GET", "/api/v1/shops/\(bed.shopID)", as: admin)
        let resumed = try await bed.shop.call(
            "PATCH",
            "/api/v1/shops/\(bed.shopID)",
            as: admin,
            json: #"{"buffer":4,"paused":false}"#
        )
        let backfill = try await bed.shop.call(
            "POST",
            "/api/v1/shops/\(bed.shopID)/backfill",
            as: admin,
            json: #"{"from":"2026-12-01","to":"2026-12-02"}"#
        )

        #expect(try shown.json["status"] as? String == "authorizationExpired")
        #expect(resumed.status == 409 && resumed.text.contains("授权过期"))
        #expect(backfill.status == 409)
        // The refused change left the buffer as it was: one transaction.
        let after = try await bed.shop.call("GET", "/api/v1/shops/\(bed.shopID)", as: admin)
        #expect(try after.json["buffer"] as? Int64 == 0)
        #expect(try bed.auditedActions().isEmpty)
    }

    @Test("reading needs orders.read, syncing imports.run, settings settings.manage, mapping catalogue.write")
    func permissions() async throws {
        let bed = try ShopBed()
        let service = try await bed.shop.signIn(.customerService)
        let warehouse = try await bed.shop.signIn(.warehouse)
        let path = "/api/v1/shops/\(bed.shopID)"

        let read = try await bed.shop.call("GET", "\(path)/sync-runs", as: service)
        let patch = try await bed.shop.call("PATCH", path, as: service, json: #"{"buffer":1}"#)
        let sync = try await bed.shop.call("POST", "\(path)/sync", as: service)
        let map = try await bed.shop.call("PUT", "\(path)/sku-mappings/1002", as: service, json: #"{"sku":"MUG"}"#)
        let warehouseSync = try await bed.shop.call("POST", "\(path)/sync", as: warehouse)
        let warehousePatch = try await bed.shop.call("PATCH", path, as: warehouse, json: #"{"buffer":1}"#)

        #expect(read.status == 200)
        #expect(patch.status == 403 && sync.status == 403 && map.status == 403 && warehousePatch.status == 403)
        #expect(warehouseSync.status == 200)
    }

    @Test("a user whose scope holds another shop neither sees nor reaches this one")
    func scope() async throws {
        let bed = try ShopBed()
        let admin = try await bed.shop.signIn(.admin)
        let otherShop = try bed.shop.database.write {
            try CompanyRecords($0).shopID(code: "JD1", platform: "jd", companyID: bed.shop.companyA.id)
        }
        let userID = try #require(bed.shop.companyA.userIDs[.customerService])
        let scoped = try await bed.shop.call(
            "PUT",
            "/api/v1/users/\(userID)/scope",
            as: admin,
            json: #"{"shops":[\#(otherShop)],"warehouses":"all"}"#
        )
        let service = try await bed.shop.signIn(.customerService)

        let list = try await bed.shop.call("GET", "/api/v1/shops", as: service)
        let one = try await bed.shop.call("GET", "/api/v1/shops/\(bed.shopID)", as: service)
        let runs = try await bed.shop.call("GET", "/api/v1/shops/\(bed.shopID)/sync-runs", as: service)

        #expect(scoped.status == 204, "\(scoped.text)")
        #expect(try (list.json["shops"] as? [Any])?.isEmpty == true)
        #expect(one.status == 404 && runs.status == 404)
    }

    @Test("the shop's after-sales list shows only the requests still needing someone, with their amounts")
    func afterSales() async throws {
        let bed = try ShopBed()
        let admin = try await bed.shop.signIn(.admin)
        let companyID = bed.shop.companyA.id
        try bed.shop.database.write { connection in
            let records = AfterSaleRecords(connection)
            for (refundID, needsAttention) in [("R1", true), ("R2", false)] {
                let refund = PlatformRefund(
                    refundID: refundID,
                    platformOrderID: "P1",
                    kind: .returnAndRefund,
                    status: .requested,
                    amount: Money(fen: 1290),
                    reason: "尺寸不合适",
                    createdAtMillis: ShopBed.now - 120_000,
                    modifiedAtMillis: ShopBed.now - 60_000,
                    returnTrackingNumber: "SF1234567890"
                )
                _ = try records.store(refund, shopID: bed.shopID, companyID: companyID)
                try records.setOutcome(
                    needsAttention ? .afterShipment : .noAction,
                    needsAttention: needsAttention,
                    refundID: refundID,
                    shopID: bed.shopID,
                    companyID: companyID
                )
            }
        }

        let answer = try await bed.shop.call("GET", "/api/v1/shops/\(bed.shopID)/after-sales", as: admin)

        let requests = try #require(try answer.json["requests"] as? [[String: Any]])
        #expect(requests.map { $0["refundID"] as? String } == ["R1"])
        #expect(
            requests.first?["amountFen"] as? Int64 == 1290 && requests.first?["kind"] as? String == "returnAndRefund"
        )
        #expect(requests.first?["outcome"] as? String == "afterShipment")
        #expect(requests.first?["returnTrackingNumber"] as? String == "SF1234567890")
        #expect(requests.first?["modifiedAtMillis"] as? Int64 == ShopBed.now - 60_000)
    }
}
