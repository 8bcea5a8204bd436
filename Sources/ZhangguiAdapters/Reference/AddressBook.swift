public import ZhangguiCore
public import ZhangguiServices

/// The division tables as the services use them: an address checker for review, and the real places that
/// made-up demo receivers are spread over.
public struct AddressBook: Sendable {
    public let catalog: DivisionCatalog

    /// Loads the division tables from `directory` (Data/divisions in the repository).
    public init(directory: String) throws {
        catalog = try DivisionTables.load(directory: directory)
    }

    /// The review's address check: a real division gives its 6-digit code, anything else names the field.
    public var checker: AddressChecker {
        let catalog = self.catalog
        return { province, city, district in
            switch catalog.resolve(province: province, city: city, district: district) {
            case .success(let resolved): .valid(divisionCode: resolved.code)
            case .failure(let problem): .invalid(field: problem.field, detail: problem.message)
            }
        }
    }

    /// Every district with its province and city names, in code order.
    public var districtPlaces: [ReceiverPlace] {
        catalog.divisions.compactMap { division in
            guard division.level == .district, let cityCode = division.parentCode,
                let city = catalog.division(code: cityCode), city.level == .city,
                let provinceCode = city.parentCode, let province = catalog.division(code: provinceCode)
            else { return nil }
            return ReceiverPlace(province: province.name, city: city.name, district: division.name)
        }
    }
}
