import Foundation
import OriginRegistry
import HangViet
import Synchronization

/// Counters and latency histograms, rendered in the Prometheus text format for `GET /metrics`.
public final class ServerMetrics: Sendable {
    static let bounds: [Double] = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10]

    struct Histogram {
        var buckets = [Int](repeating: 0, count: ServerMetrics.bounds.count)
        var count = 0
        var sum = 0.0
        mutating func observe(_ seconds: Double) {
            count += 1
            sum += seconds
            for (index, bound) in ServerMetrics.bounds.enumerated() where seconds <= bound { buckets[index] += 1 }
        }
    }

    /// What requests are counted by.
    struct RequestKey: Hashable, Comparable {
        var route: String
        var method: String
        var status: Int
        static func < (a: RequestKey, b: RequestKey) -> Bool {
            (a.route, a.method, String(a.status)) < (b.route, b.method, String(b.status))
        }
    }

    struct State {
        var requests: [RequestKey: Int] = [:]
        var durations: [String: Histogram] = [:]   // by route
        var scans: [ScanReport.Status: Int] = [:]
        var scanDuration = Histogram()
    }
    private let state = Mutex(State())
    private let codesChecked = Atomic<Int>(0)

    public init() {}

    public func request(route: String, method: String, status: Int, seconds: Double) {
        state.withLock { state in
            state.requests[RequestKey(route: route, method: method, status: status), default: 0] += 1
            state.durations[route, default: Histogram()].observe(seconds)
        }
    }

    public func scan(status: ScanReport.Status, seconds: Double) {
        state.withLock { state in
            state.scans[status, default: 0] += 1
            state.scanDuration.observe(seconds)
        }
    }

    public func codes(_ count: Int) { codesChecked.wrappingAdd(count, ordering: .relaxed) }

    /// The Prometheus exposition text.
    public func render(scansRunning: Int) -> String {
        let state = self.state.withLock { $0 }
        var out = "# HELP hangviet_http_requests_total HTTP requests by route, method and status.\n# TYPE hangviet_http_requests_total counter\n"
        for (key, count) in state.requests.sorted(by: { $0.key < $1.key }) {
            out += "hangviet_http_requests_total{route=\"\(Self.escape(key.route))\",method=\"\(key.method)\",status=\"\(key.status)\"} \(count)\n"
        }
        out += "# HELP hangviet_http_request_duration_seconds Time to answer a request.\n# TYPE hangviet_http_request_duration_seconds histogram\n"
        for (route, histogram) in state.durations.sorted(by: { $0.key < $1.key }) {
            out += Self.histogram("hangviet_http_request_duration_seconds", label: "route=\"\(Self.escape(route))\"", histogram)
        }
        out += "# HELP hangviet_scans_total Images scanned by result.\n# TYPE hangviet_scans_total counter\n"
        for (status, count) in state.scans.sorted(by: { $0.key.rawValue < $1.key.rawValue }) {
            out += "hangviet_scans_total{status=\"\(status.rawValue)\"} \(count)\n"
        }
        out += "# HELP hangviet_scan_duration_seconds Time to decode and scan one image.\n# TYPE hangviet_scan_duration_seconds histogram\n"
        out += Self.histogram("hangviet_scan_duration_seconds", label: nil, state.scanDuration)
        out += "# HELP hangviet_scans_running Images being decoded now.\n# TYPE hangviet_scans_running gauge\nhangviet_scans_running \(scansRunning)\n"
        out += "# HELP hangviet_codes_checked_total Codes given verdicts.\n# TYPE hangviet_codes_checked_total counter\nhangviet_codes_checked_total \(codesChecked.load(ordering: .relaxed))\n"
        return out
    }

    /// The registry snapshot's gauges: its version and age, refresh failures, the connection.
    public static func render(registry health: RegistryHealth?) -> String {
        guard let health else { return "" }
        var out = "# HELP hangviet_registry_snapshot_generation Snapshots loaded since start.\n# TYPE hangviet_registry_snapshot_generation gauge\nhangviet_registry_snapshot_generation \(health.generation)\n"
        if let version = health.version {
            out += "# HELP hangviet_registry_snapshot_version The shared registry's version the snapshot reflects.\n# TYPE hangviet_registry_snapshot_version gauge\nhangviet_registry_snapshot_version \(version)\n"
        }
        out += "# HELP hangviet_registry_snapshot_age_seconds Seconds since the snapshot was loaded.\n# TYPE hangviet_registry_snapshot_age_seconds gauge\nhangviet_registry_snapshot_age_seconds \(Int(Date().timeIntervalSince(health.loadedAt)))\n"
        out += "# HELP hangviet_registry_refresh_failures_total Failed reloads or reconnections.\n# TYPE hangviet_registry_refresh_failures_total counter\nhangviet_registry_refresh_failures_total \(health.refreshFailures)\n"
        out += "# HELP hangviet_registry_connected 1 while the shared registry is reachable.\n# TYPE hangviet_registry_connected gauge\nhangviet_registry_connected \(health.connected ? 1 : 0)\n"
        return out
    }

    static func histogram(_ name: String, label: String?, _ histogram: Histogram) -> String {
        let prefix = label.map { "\($0)," } ?? ""
        var out = ""
        for (index, bound) in bounds.enumerated() {
            out += "\(name)_bucket{\(prefix)le=\"\(bound)\"} \(histogram.buckets[index])\n"
        }
        out += "\(name)_bucket{\(prefix)le=\"+Inf\"} \(histogram.count)\n"
        let labels = label.map { "{\($0)}" } ?? ""
        out += "\(name)_sum\(labels) \(histogram.sum)\n\(name)_count\(labels) \(histogram.count)\n"
        return out
    }

    static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
    }
}
