import ZhangguiCore
import ZhangguiStore

/// Builds the labels of a set of shipments from what the store holds, in pick order.
struct LabelAssembly {
    let connection: any DatabaseConnection
    let companyID: Int64
    let size: LabelSize?

    /// One label per shipment, sorted by each parcel's first (location, SKU code), then waybill number.
    /// - Throws: ``LabelError`` `.noSender` naming each warehouse without a sender.
    func labels(_ shipmentIDs: [Int64]) throws -> [ShippingLabel] {
        let records = LabelRecords(connection)
        let shipments = try records.shipments(ids: shipmentIDs, companyID: companyID)
        let trades = try records.trades(shipmentIDs: shipmentIDs, companyID: companyID)
        let senders = try senders(for: shipments.values)
        let keys = try pickKeys(shipments)
        let ordered = shipments.values.sorted { a, b in
            let (keyA, keyB) = (keys[a.id] ?? Self.lastKey, keys[b.id] ?? Self.lastKey)
            if keyA != keyB { return keyA < keyB }
            return a.waybillNumber < b.waybillNumber
        }
        let parcels = ordered.compactMap { shipment -> (LabelShipment, [LabelTrade], Sender)? in
            guard let parcel = trades[shipment.id], !parcel.isEmpty, let sender = senders[shipment.warehouseID] else {
                return nil
            }
            return (shipment, parcel, sender)
        }
        return parcels.enumerated().map { index, parcel in
            let (shipment, trades, sender) = parcel
            let receiver = trades[0].receiver
            return ShippingLabel(
                waybillNumber: shipment.waybillNumber,
                courierCode: shipment.courierCode,
                size: size ?? CourierLabelFormat.of(shipment.courierCode).size,
                sortingCode: shipment.sortCode ?? LabelText.fallbackSortingCode(for: receiver),
                bagCentre: shipment.bagCentre,
                receiver: receiver,
                sender: sender,
                orderNumbers: trades.map(\.platformOrderID),
                items: trades.flatMap(\.items),
                sequence: index + 1,
                count: parcels.count
            )
        }
    }

    private struct PickKey: Comparable {
        let location: BinLocation
        let skuCode: String

        static func < (lhs: PickKey, rhs: PickKey) -> Bool {
            (lhs.location, lhs.skuCode) < (rhs.location, rhs.skuCode)
        }
    }

    /// Sorts after every real key: a parcel with nothing to pick.
    private static let lastKey = PickKey(location: BinLocation(""), skuCode: "\u{10FFFF}")

    /// Each shipment's first place to pick from: its reservations while unshipped, else its lines' SKUs at their
    /// current locations.
    private func pickKeys(_ shipments: [Int64: LabelShipment]) throws -> [Int64: PickKey] {
        let records = LabelRecords(connection)
        var keys: [Int64: PickKey] = [:]
        func offer(_ key: PickKey, for shipmentID: Int64) {
            if let current = keys[shipmentID], current <= key { return }
            keys[shipmentID] = key
        }
        for pick in try records.picks(shipmentIDs: Array(shipments.keys), companyID: companyID) {
            offer(PickKey(location: pick.location, skuCode: pick.skuCode), for: pick.shipmentID)
        }
        let shipped = shipments.values.filter { keys[$0.id] == nil }
        guard !shipped.isEmpty else { return keys }
        let trades = try records.trades(shipmentIDs: shipped.map(\.id), companyID: companyID)
        var locations: [Int64: [String: BinLocation]] = [:]
        for shipment in shipped {
            if locations[shipment.warehouseID] == nil {
                locations[shipment.warehouseID] = try records.locations(
                    warehouseID: shipment.warehouseID,
                    companyID: companyID
                )
            }
            for item in (trades[shipment.id] ?? []).flatMap(\.items) {
                let location = locations[shipment.warehouseID]?[item.code] ?? BinLocation("")
                offer(PickKey(location: location, skuCode: item.code), for: shipment.id)
            }
        }
        return keys
    }

    /// The sender of each warehouse among the shipments.
    private func senders(for shipments: some Collection<LabelShipment>) throws -> [Int64: Sender] {
        var senders: [Int64: Sender] = [:]
        var missing: Set<String> = []
        for shipment in shipments where senders[shipment.warehouseID] == nil {
            if let sender = try LabelRecords(connection).sender(warehouseID: shipment.warehouseID) {
                senders[shipment.warehouseID] = sender
            } else {
                missing.insert(shipment.warehouseCode)
            }
        }
        guard missing.isEmpty else {
            throw LabelError(
                code: .noSender,
                detail: "warehouse \(missing.sorted().joined(separator: ", ")) has no sender address for labels; "
                    + "set one with zhanggui warehouse sender \(missing.sorted()[0]) --name NAME --phone PHONE --address STREET",
                warehouseCodes: missing.sorted()
            )
        }
        return senders
    }
}
