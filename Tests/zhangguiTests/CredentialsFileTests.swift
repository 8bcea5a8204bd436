import Foundation
import Testing
import ZhangguiCore
import ZhangguiServices

@testable import zhanggui

@Suite("The credentials file of shop add")
struct CredentialsFileTests {
    private func file(_ text: String) throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("cred-\(UUID().uuidString).json").path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    @Test("its fields become the shop's credentials; an absent expiry means none known")
    func reads() throws {
        let path = try file(
            #"{"appKey":"k1","appSecret":"s1","accessToken":"t1","refreshToken":"r1","endpoint":"http://127.0.0.1:9"}"#
        )
        defer { try? FileManager.default.removeItem(atPath: path) }
        let credentials = try CredentialsFile.read(path, platform: .pinduoduo)
        #expect(credentials.platform == .pinduoduo)
        #expect(credentials.appKey == "k1" && credentials.appSecret == "s1" && credentials.signSecret == "")
        #expect(credentials.authorization.accessToken == "t1" && credentials.authorization.refreshToken == "r1")
        #expect(credentials.authorization.accessExpiresAtMillis == .max)
    }

    @Test("a missing field is named; no value of the file is repeated")
    func refusals() throws {
        let path = try file(#"{"appKey":"k1","appSecret":"very-secret","endpoint":"x"}"#)
        defer { try? FileManager.default.removeItem(atPath: path) }
        do {
            _ = try CredentialsFile.read(path, platform: .taobao)
            Issue.record("expected a refusal")
        } catch {
            #expect(String(describing: error) == "the credentials file \(path) lacks accessToken")
        }
        #expect(throws: Refusal.self) { try CredentialsFile.read("/nonexistent/cred.json", platform: .taobao) }
    }
}
