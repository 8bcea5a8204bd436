import Foundation

/// Current time as UTC seconds since 1970, the one form timestamps take in the database.
public enum Clock {
    public static func nowSeconds() -> Int64 {
        Int64(Date().timeIntervalSince1970)
    }
}
