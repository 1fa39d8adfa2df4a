/// The row formats an inventory check writes: CSV (the input's columns after the verdict's),
/// one JSON object per line, or one JSON array.
public enum BatchFormat: String, Sendable {
    case csv, ndjson, json
}
