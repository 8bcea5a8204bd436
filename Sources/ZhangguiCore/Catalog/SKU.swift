/// A stock-keeping unit: one thing the seller stocks and sells, identified by its 商家编码 (merchant code).
public struct SKU: Hashable, Sendable, Codable {
    /// 商家编码: the seller's own code, unique within the company; platforms carry it as the outer id.
    public var code: String
    /// 条码: an EAN/UPC or the seller's own barcode, used when scanning; may be empty.
    public var barcode: String
    public var name: String
    /// 规格: the variant text, such as `颜色:黑色;尺码:L`.
    public var spec: String
    /// Shipping weight in grams.
    public var weightGrams: Int64
    /// 吊牌价 / list price, including VAT.
    public var listPrice: Money

    public init(
        code: String,
        barcode: String = "",
        name: String,
        spec: String = "",
        weightGrams: Int64 = 0,
        listPrice: Money
    ) {
        self.code = code
        self.barcode = barcode
        self.name = name
        self.spec = spec
        self.weightGrams = weightGrams
        self.listPrice = listPrice
    }
}

/// One part of a combo: a component SKU and how many of it one combo holds.
public struct ComboComponent: Hashable, Sendable, Codable {
    public var skuCode: String
    public var quantity: Int64

    public init(skuCode: String, quantity: Int64) {
        self.skuCode = skuCode
        self.quantity = quantity
    }
}

/// 组合装: a listing that ships as several SKUs, such as a gift box of three creams.
///
/// A combo holds no stock of its own; reviewing an order expands it into its components, and stock is reserved
/// and shipped for those.
public struct Combo: Hashable, Sendable, Codable {
    public var code: String
    public var components: [ComboComponent]

    /// - Throws: ``CatalogError`` when the combo is empty, names a component twice, contains itself or has a
    ///   quantity below one.
    public init(code: String, components: [ComboComponent]) throws(CatalogError) {
        guard !components.isEmpty else { throw CatalogError(code: .emptyCombo, skuCode: code) }
        guard Set(components.map(\.skuCode)).count == components.count else {
            throw CatalogError(code: .duplicateComponent, skuCode: code)
        }
        guard !components.contains(where: { $0.skuCode == code }) else {
            throw CatalogError(code: .comboContainsItself, skuCode: code)
        }
        guard components.allSatisfy({ (1...Limits.comboQuantity).contains($0.quantity) }) else {
            throw CatalogError(code: .componentQuantityOutOfRange, skuCode: code)
        }
        self.code = code
        self.components = components
    }

    /// The components needed for `quantity` combos, such as 2 boxes of (A×1, B×3) → A×2, B×6.
    public func expand(quantity: Int64) -> [ComboComponent] {
        components.map { ComboComponent(skuCode: $0.skuCode, quantity: $0.quantity * quantity) }
    }
}

/// Why a product definition is refused.
public struct CatalogError: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Code: String, Sendable {
        case emptyCombo
        case duplicateComponent
        case comboContainsItself
        case componentQuantityOutOfRange
        case missingCode
    }

    public let code: Code

    public init(code: Code, skuCode: String) {
        self.code = code
        self.skuCode = skuCode
    }
    public let skuCode: String

    public var description: String {
        switch code {
        case .emptyCombo: "combo \(skuCode) has no components"
        case .duplicateComponent: "combo \(skuCode) lists a component twice"
        case .comboContainsItself: "combo \(skuCode) contains itself"
        case .componentQuantityOutOfRange:
            "combo \(skuCode) has a component quantity outside 1…\(Limits.comboQuantity)"
        case .missingCode: "a product has no 商家编码"
        }
    }
}
