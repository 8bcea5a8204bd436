/// Migration 20: a parcel's first print is unique per waybill number, not per parcel.
///
/// A waybill cancelled after its label was printed (`zhanggui waybill cancel`) leaves the parcel with a new number
/// and a label that carries the old one. The new number needs a first print of its own, in the next print batch;
/// before this migration the index `label_prints_first` allowed one first print per parcel ever, so the renumbered
/// parcel could never be printed again except as a reprint of the cancelled label's batch.
extension Schema {
    static let labelPerWaybill = Migration(
        version: 20,
        name: "labels: one first print per parcel and waybill number",
        statements: [
            "DROP INDEX label_prints_first",
            "CREATE UNIQUE INDEX label_prints_first ON label_prints (shipment_id, waybill_no) WHERE is_reprint = 0",
        ]
    )
}
