/// How an offline-range waybill number is written: the range's prefix and a 12-digit counter, `ZG000000000001`.
public enum WaybillNumber {
    public static func text(prefix: String, counter: Int64) -> String {
        let digits = String(counter)
        return prefix + String(repeating: "0", count: max(0, 12 - digits.count)) + digits
    }
}
