import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Synchronization
import TestSupport
import Testing

/// Two `hangviet serve` replicas on one shared PostgreSQL registry, as real processes: an
/// import reaches both within 2 s, a client never sees a mix, and a database outage leaves
/// them answering from their last snapshot until it returns. The 2 s bound is a latency
/// claim, so Scripts/test.sh runs this suite on its own, after the parallel run: with every
/// other suite scanning photos on two cores, a debug build's reload can take longer.
@Suite("serve replicas on a shared PostgreSQL registry", .serialized,
       .enabled(if: PostgresTestServer.shared != nil, "PostgreSQL is not installed (apt-get install postgresql): skipped"))
struct ServeReplicaTests {
    /// A restricted-circulation number (prefix 200: in-store), so no real product is made up.
    static let code = "2001234567893"
    static let list = "Tên sản phẩm,Chủ thể,Tỉnh,Số sao,Năm,Mã vạch\nChè xanh thử,HTX thử,Nghệ An,4,2024,\(code)\n"

    /// What the client saw from each replica during the import.
    final class AnswerLog: Sendable {
        let seen = Mutex<[[String]]>([[], []])
        let stop = Mutex(false)
    }

    func importList(_ registry: String) throws -> HangVietBinary.Result {
        let folder = try TemporaryFolder()
        let file = try folder.write("ocop.csv", Self.list)
        return try HangVietBinary.run(["registry", "import", file, "--kind", "ocop", "--source", "test list", "--registry", registry])
    }

    @Test("an import reaches both replicas within 2 s, and a client sees only the old answer, then only the new")
    func importReachesReplicas() async throws {
        let url = try #require(PostgresTestServer.shared).newDatabase()
        #expect(try HangVietBinary.run(["registry", "stats", "--registry", url]).status == 0)   // sets the schema up
        let replicas = [try ServeProcess(["--registry", url]), try ServeProcess(["--registry", url])]
        let old = try await replicas[0].get("/v1/codes/\(Self.code)").1
        #expect(!old.contains("Chè xanh thử"))
        #expect(try await replicas[1].get("/v1/codes/\(Self.code)").1 == old)

        // A client asks both replicas throughout the import.
        let log = AnswerLog()
        let client = Task {
            while !log.stop.withLock({ $0 }) {
                for (index, replica) in replicas.enumerated() {
                    if let (_, body) = try? await replica.get("/v1/codes/\(Self.code)") { log.seen.withLock { $0[index].append(body) } }
                }
                try? await Task.sleep(for: .milliseconds(10))
            }
        }
        let imported = try importList(url)
        #expect(imported.status == 0, "\(imported.stderr)")
        let importedAt = Date()
        var bothNew = false
        while Date().timeIntervalSince(importedAt) < 2, !bothNew {
            var all = true
            for replica in replicas where !(try await replica.get("/v1/codes/\(Self.code)").1.contains("Chè xanh thử")) { all = false }
            bothNew = all
            if !bothNew { try await Task.sleep(for: .milliseconds(20)) }
        }
        var detail = ""
        if !bothNew { for replica in replicas { detail += try await replica.get("/readyz").1 + "\n" } }
        #expect(bothNew, "both replicas answer with the imported OCOP fact within 2 s of the import; /readyz: \(detail)")
        try await Task.sleep(for: .milliseconds(100))
        log.stop.withLock { $0 = true }
        _ = await client.value
        for answers in log.seen.withLock({ $0 }) {
            #expect(Set(answers).count <= 2, "only the old and the new answer")
            // Once new, never old again.
            let firstNew = answers.firstIndex { $0.contains("Chè xanh thử") } ?? answers.count
            #expect(answers[firstNew...].allSatisfy { $0.contains("Chè xanh thử") })
            #expect(answers[..<firstNew].allSatisfy { $0 == old })
        }
        let (_, ready) = try await replicas[0].get("/readyz")
        #expect(ready.contains("\"status\":\"ready\"") && ready.contains("\"generation\""))
        let (_, metrics) = try await replicas[1].get("/metrics")
        #expect(metrics.contains("hangviet_registry_snapshot_version ") && metrics.contains("hangviet_registry_connected 1"))
    }

    @Test("PostgreSQL stopped in the middle of an import: nothing is written, replicas keep answering and report degraded, then catch up")
    func databaseOutage() async throws {
        let server = try #require(try PostgresTestServer.startPrivate())
        defer { server.stop() }
        let url = server.url
        #expect(try HangVietBinary.run(["registry", "stats", "--registry", url]).status == 0)
        let replica = try ServeProcess(["--registry", url])
        let before = try await replica.get("/v1/codes/\(Self.code)").1

        // Another session holds the version row, so the import stops at its last statement (the
        // version bump) with its rows written in its open transaction; then the server stops.
        let holder = try server.startSQL("BEGIN; LOCK TABLE hangviet_meta IN EXCLUSIVE MODE; SELECT pg_sleep(120);", in: url)
        defer { if holder.isRunning { holder.terminate() } }
        var locked = false
        for _ in 0..<200 where !locked {
            locked = try server.sql("SELECT count(*) FROM pg_locks WHERE relation = 'hangviet_meta'::regclass AND granted AND mode = 'ExclusiveLock'", in: url) == "1"
            if !locked { try await Task.sleep(for: .milliseconds(50)) }
        }
        #expect(locked, "the lock holder took its lock")
        let folder = try TemporaryFolder()
        let importer = Process()
        importer.executableURL = CheckCommandTests.binary
        importer.arguments = ["registry", "import", try folder.write("ocop.csv", Self.list), "--kind", "ocop", "--source", "test list", "--registry", url]
        let importErrors = Pipe()
        importer.standardError = importErrors
        importer.standardOutput = FileHandle.nullDevice
        try importer.run()
        var waiting = false
        for _ in 0..<600 where !waiting {
            waiting = try server.sql("SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND query LIKE 'UPDATE hangviet_meta SET value = (value::bigint + 1)%'", in: url) == "1"
            if !waiting { try await Task.sleep(for: .milliseconds(50)) }
        }
        #expect(waiting, "the import reached its last statement and waits")
        server.stop()
        importer.waitUntilExit()
        let failure = String(decoding: importErrors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        #expect(importer.terminationStatus == 3 && failure.contains("went away") && !failure.contains("hangviet-test"), "\(failure)")

        // Still answering, from the last snapshot; /readyz says degraded.
        let (status, during) = try await replica.get("/v1/codes/\(Self.code)")
        #expect(status == 200 && during == before)
        var degraded = ""
        for _ in 0..<100 where !degraded.contains("degraded") {
            degraded = try await replica.get("/readyz").1
            try await Task.sleep(for: .milliseconds(50))
        }
        #expect(degraded.contains("\"status\":\"degraded\"") && !degraded.contains("hangviet-test"))
        #expect(try await replica.get("/metrics").1.contains("hangviet_registry_connected 0"))

        // Back: nothing half-written, and the replica catches up with an import made now.
        try server.resume()
        #expect(try HangVietBinary.run(["registry", "stats", "--registry", url, "--format", "json"]).stdout.contains("\"user\":0"))
        let imported = try importList(url)
        #expect(imported.status == 0, "\(imported.stderr)")
        var caughtUp = false
        for _ in 0..<200 where !caughtUp {
            caughtUp = try await replica.get("/v1/codes/\(Self.code)").1.contains("Chè xanh thử")
            if !caughtUp { try await Task.sleep(for: .milliseconds(100)) }
        }
        #expect(caughtUp, "the replica reconnects and loads the new snapshot")
        #expect(try await replica.get("/readyz").1.contains("\"status\":\"ready\""))
    }
}
