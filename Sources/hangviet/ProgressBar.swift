import Foundation

/// A one-line progress bar on standard error, drawn only when it is a terminal, redrawn at
/// most ten times a second, and erased at the end.
final class ProgressBar {
    private let total: Int
    private let enabled: Bool
    private let label: String
    private var lastDraw = ContinuousClock.now - .seconds(1)
    private let start = ContinuousClock.now

    init(total: Int, label: String, minimum: Int = 8) {
        self.total = total
        self.label = label
        enabled = total >= minimum && isatty(STDERR_FILENO) == 1
    }

    func update(_ done: Int) {
        guard enabled else { return }
        let now = ContinuousClock.now
        guard now - lastDraw >= .milliseconds(100) || done == total else { return }
        lastDraw = now
        let width = 30
        let filled = total == 0 ? width : done * width / total
        let elapsed = Double((now - start).components.seconds) + Double((now - start).components.attoseconds) / 1e18
        let rate = elapsed > 0 ? Double(done) / elapsed : 0
        let bar = String(repeating: "█", count: filled) + String(repeating: "░", count: width - filled)
        StandardError.write("\r\(bar) \(done)/\(total) \(label) · \(String(format: "%.0f", rate))/s ")
    }

    func finish() {
        guard enabled else { return }
        StandardError.write("\r\u{1B}[2K")
    }
}
