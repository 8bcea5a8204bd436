import Foundation

/// A file uploaded for an import, kept on the server between its preview and the user's confirmation, so the
/// file is sent once. It lives in a folder named by a random token, with a note of whom it belongs to and what it
/// is for; only that user of that company can confirm it, as that kind of import.
struct HeldUpload {
    /// Who uploaded it and what they previewed.
    struct Owner: Equatable {
        let companyID: Int64
        let userID: Int64
        let kind: String
        let shop: String

        var text: String { "\(companyID)\n\(userID)\n\(kind)\n\(shop)" }

        init(companyID: Int64, userID: Int64, kind: String, shop: String) {
            self.companyID = companyID
            self.userID = userID
            self.kind = kind
            self.shop = shop
        }

        init?(text: String) {
            let parts = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            guard parts.count == 4, let company = Int64(parts[0]), let user = Int64(parts[1]) else { return nil }
            self.init(companyID: company, userID: user, kind: parts[2], shop: parts[3])
        }
    }

    /// 32 hexadecimal digits naming the folder.
    let token: String
    let fileName: String
    let folder: String

    /// The held file's path.
    var path: String { (folder as NSString).appendingPathComponent(fileName) }

    /// Uploads older than this many seconds are removed when another is held.
    static let lifetimeSeconds: TimeInterval = 86_400

    /// Keeps `bytes` as `fileName` (already checked by ``UploadName``) under `root`.
    static func hold(_ bytes: [UInt8], fileName: String, owner: Owner, root: String) throws -> HeldUpload {
        removeStale(root: root)
        let token = Cookies.randomToken()
        let folder = (root as NSString).appendingPathComponent(token)
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let upload = HeldUpload(token: token, fileName: fileName, folder: folder)
        try Data(bytes).write(to: URL(fileURLWithPath: upload.path))
        try Data(owner.text.utf8).write(to: URL(fileURLWithPath: (folder as NSString).appendingPathComponent("owner")))
        return upload
    }

    /// The upload held under `token` for `owner`, nil when there is none (a malformed token, removed, another
    /// owner or another kind of import).
    static func find(token: String, fileName: String, owner: Owner, root: String) -> HeldUpload? {
        guard token.count == 32, token.allSatisfy(\.isHexDigit), (try? UploadName.parse(fileName)) != nil else {
            return nil
        }
        let folder = (root as NSString).appendingPathComponent(token)
        let ownerPath = (folder as NSString).appendingPathComponent("owner")
        guard let data = FileManager.default.contents(atPath: ownerPath),
            Owner(text: String(decoding: data, as: UTF8.self)) == owner
        else { return nil }
        let upload = HeldUpload(token: token, fileName: fileName, folder: folder)
        return FileManager.default.fileExists(atPath: upload.path) ? upload : nil
    }

    /// Removes the upload and its folder.
    func remove() {
        try? FileManager.default.removeItem(atPath: folder)
    }

    private static func removeStale(root: String) {
        let manager = FileManager.default
        guard let names = try? manager.contentsOfDirectory(atPath: root) else { return }
        let cutoff = Date().addingTimeInterval(-lifetimeSeconds)
        for name in names {
            let path = (root as NSString).appendingPathComponent(name)
            let modified = (try? manager.attributesOfItem(atPath: path))?[.modificationDate] as? Date
            if let modified, modified < cutoff { try? manager.removeItem(atPath: path) }
        }
    }
}
