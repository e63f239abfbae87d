import Foundation
import WicketCore
import XCTest

/// A shared host set up as README "A shared host" says, with real OS users: the installed
/// `wicket` is root's and setgid to the hall's service group; the hall's folder, database and
/// companions belong to that group; the clerks are *not* in it, so they reach the database only
/// through `wicket`. Needs root (to add users and make a setgid program); skipped otherwise. The
/// program is copied into a fresh folder every user can enter, so the tests pass wherever the
/// checkout lives (under /root, under a mktemp -d folder).
final class SharedHostTests: XCTestCase {
    var host: HallHost!

    override func setUpWithError() throws {
        host = try HallHost.make()
    }

    override func tearDown() {
        host?.remove()
    }

    func testClerksWorkThroughTheProgramAndNotAroundIt() throws {
        let (admin, a, b) = (HallHost.admin, HallHost.clerks[0], HallHost.clerks[1])
        try host.setUpHall()
        XCTAssertTrue(try host.run(a, ["next"]).stdout.contains("held by \(a)"))
        try host.run(a, ["act", "2026-000001", "accept"])
        try host.run(admin, ["act", "2026-000001", "note", "--text", "admin looked"])

        // At the same time: 8 processes per clerk, each writing.
        var running: [(Process, Pipe, Pipe, String)] = []
        for round in 0..<8 {
            for (user, number) in [(a, "2026-000001"), (b, "2026-000004")] {
                let (process, output, errors) = try host.launch(user, ["act", number, "note", "--text", "round \(round)"])
                running.append((process, output, errors, user))
            }
        }
        for (process, output, errors, user) in running {
            _ = output.fileHandleForReading.readDataToEndOfFile()
            let err = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            process.waitUntilExit()
            XCTAssertEqual(process.terminationStatus, 0, "\(user): \(err)")
            XCTAssertFalse(err.contains("readonly") || err.contains("locked"), err)
        }
        let store = try CaseStore.open(path: host.database)
        XCTAssertEqual(try CaseDetail.load(number: "2026-000001", in: store).notes.count, 9)
        XCTAssertEqual(try CaseDetail.load(number: "2026-000004", in: store).notes.count, 8)

        // The files: the service group's, nothing for others, never a clerk's group.
        for path in [host.database, host.database + "-wal", host.database + "-shm"] {
            guard let info = HallHost.fileInfo(path) else { continue }
            XCTAssertEqual(info.group, HallHost.group, path)
            XCTAssertEqual(info.mode & 0o777, 0o660, path)
        }

        // Around the program: a clerk (even the admin) cannot open the database with sqlite3.
        for user in [a, admin] {
            let direct = try host.shell(user, "sqlite3 \(host.database) \"UPDATE users SET role = 'admin'; INSERT INTO settings(key, value) VALUES ('demo', '1');\"")
            XCTAssertNotEqual(direct.status, 0, "\(user) wrote the database directly: \(direct.output)")
            XCTAssertTrue(direct.output.localizedCaseInsensitiveContains("unable to open") || direct.output.localizedCaseInsensitiveContains("permission denied"), direct.output)
            let read = try host.shell(user, "cat \(host.database) > /dev/null")
            XCTAssertNotEqual(read.status, 0, "\(user) read the database file directly")
            let plant = try host.shell(user, "ln -s /etc/passwd \(host.database)-journal")
            XCTAssertNotEqual(plant.status, 0, "\(user) planted a file in the hall's folder")
        }
        XCTAssertEqual(try store.db.scalarInt("SELECT count(*) FROM users WHERE role = 'admin'"), 1)
        XCTAssertNil(try store.setting("demo"))
        let check = try host.runAsRoot(["check"])
        XCTAssertEqual(check.status, 0, check.stderr)
        // The whole history is the admins' and root's to check, not a clerk's.
        XCTAssertTrue(try host.run(a, ["check"], expect: 1).stderr.contains("only an admin"))
        XCTAssertEqual(try host.run(admin, ["check"]).status, 0)
    }

    /// A setgid run trusts nothing of its caller's environment.
    func testTheCallersEnvironmentDoesNotSteerAHallRun() throws {
        let a = HallHost.clerks[0]
        try host.setUpHall()
        try host.run(a, ["next"])

        // WICKET_NOW: a clerk back-dating an acceptance gets the system's clock and a warning.
        let backdated = try host.run(a, ["act", "2026-000001", "accept"], environment: ["WICKET_NOW": "2020-01-02T09:00:00+08:00"])
        XCTAssertTrue(backdated.stderr.contains("WICKET_NOW is ignored"), backdated.stderr)
        let store = try CaseStore.open(path: host.database)
        let at = try XCTUnwrap(try store.db.scalarString("SELECT at FROM history WHERE action = 'accept'"))
        XCTAssertFalse(at.hasPrefix("2020"), "the acceptance was back-dated to \(at)")
        XCTAssertGreaterThan(abs(Timestamp.parse(at)!.timeIntervalSinceNow), -1)
        XCTAssertLessThan(abs(Timestamp.parse(at)!.timeIntervalSinceNow), 600, at)

        // A file only the hall's group may read: neither a config file nor a theme named by the
        // clerk is read with the hall's group (its lines would be echoed in the warnings).
        let secret = host.hallFolder + "/secret.txt"
        try "SECRET-LINE-\(UUID().uuidString)\n".write(toFile: secret, atomically: true, encoding: .utf8)
        try HallHost.system(["/bin/chgrp", HallHost.group, secret])
        _ = chmod(secret, 0o640)
        let leaked = try String(contentsOfFile: secret, encoding: .utf8).trimmingCharacters(in: .newlines)
        for (environment, arguments) in [(["WICKET_CONFIG": secret], ["config"]), ([:], ["--theme", secret, "config"])] {
            let result = try host.run(a, arguments, environment: environment, expect: nil)
            XCTAssertFalse((result.stdout + result.stderr).contains(leaked), "read as the hall: \(result.stderr)")
        }

        // A database outside the allowed folders: the group is given up first, so the clerk's
        // own files are plain files of theirs, and the hall's folder stays shut.
        let own = host.prefix + "/home-\(a)"
        try HallHost.system(["/usr/bin/install", "-d", "-o", a, "-m", "700", own])
        try host.run(a, ["--db", own + "/mine.db", "init"])
        let mine = try XCTUnwrap(HallHost.fileInfo(own + "/mine.db"))
        XCTAssertNotEqual(mine.group, HallHost.group, "the clerk's own database was made with the hall's group")
        // …and from there nothing of the hall can be reached (not even through a link to it).
        try HallHost.system(["/usr/sbin/runuser", "-u", a, "--", "/bin/ln", "-s", host.hallFolder, own + "/hall-link"])
        let viaLink = try host.run(a, ["--db", own + "/hall-link/hall.db", "list"], expect: nil)
        XCTAssertEqual(viaLink.status, 0, "a link to the hall is the hall, with the clerk's role: \(viaLink.stderr)")

        // No delivery command of the caller's runs with the hall's group.
        let marker = host.prefix + "/delivered-\(UUID().uuidString)"
        try host.run(a, ["act", "2026-000001", "approve", "--text", "ok"], environment: ["WICKET_DELIVERY_COMMAND": "touch \(marker)"], expect: nil)
        try host.run(a, ["deliver"], environment: ["WICKET_DELIVERY_COMMAND": "touch \(marker)"], expect: nil)
        XCTAssertFalse(FileManager.default.fileExists(atPath: marker), "a clerk's delivery command ran with the hall's group")

        // init and backup of the hall are root's.
        XCTAssertTrue(try host.run(a, ["backup", own + "/copy.db"], expect: 1).stderr.contains("root"))
        XCTAssertFalse(FileManager.default.fileExists(atPath: own + "/copy.db"))
    }

    /// A symbolic link planted as `-wal`, `-shm` or `-journal` never changes the file it points to,
    /// whoever runs `wicket` next — root included — and the hall refuses to open through it.
    func testSymlinkedCompanionsNeverChangeAnotherFile() throws {
        let a = HallHost.clerks[0]
        try host.setUpHall()
        let victim = host.prefix + "/victim"
        try "root's secret\n".write(toFile: victim, atomically: true, encoding: .utf8)
        _ = chmod(victim, 0o600)
        let before = try XCTUnwrap(HallHost.fileInfo(victim))

        // 1. In the hall's folder (only root or the service group could plant it there).
        try? FileManager.default.removeItem(atPath: host.database + "-journal")
        XCTAssertEqual(symlink(victim, host.database + "-journal"), 0)
        for result in [try host.run(a, ["list"], expect: 1), try host.runAsRoot(["list"])] {
            XCTAssertNotEqual(result.status, 0)
            XCTAssertTrue(result.stderr.contains("symbolic link"), result.stderr)
        }
        try FileManager.default.removeItem(atPath: host.database + "-journal")

        // 2. The old attack: a clerk's own folder and database, with a companion linked to root's
        // file; root runs wicket there (to help, or a cron job).
        let own = host.prefix + "/trap-\(a)"
        try HallHost.system(["/usr/bin/install", "-d", "-o", a, "-g", HallHost.group, "-m", "2775", own])
        try host.run(a, ["--db", own + "/trap.db", "init"])
        for suffix in ["-wal", "-shm", "-journal"] {
            _ = try? HallHost.system(["/usr/sbin/runuser", "-u", a, "--", "/bin/rm", "-f", own + "/trap.db" + suffix])
            try HallHost.system(["/usr/sbin/runuser", "-u", a, "--", "/bin/ln", "-s", victim, own + "/trap.db" + suffix])
            let result = try host.runAsRoot(["--db", own + "/trap.db", "list"])
            XCTAssertNotEqual(result.status, 0, suffix)
            XCTAssertTrue(result.stderr.contains("symbolic link"), result.stderr)
            let after = try XCTUnwrap(HallHost.fileInfo(victim))
            XCTAssertEqual(after.mode, before.mode, "\(suffix): the victim's mode changed")
            XCTAssertEqual(after.group, before.group, "\(suffix): the victim's group changed")
            XCTAssertEqual(after.owner, before.owner, "\(suffix): the victim's owner changed")
            XCTAssertEqual(try String(contentsOfFile: victim, encoding: .utf8), "root's secret\n")
            try HallHost.system(["/usr/sbin/runuser", "-u", a, "--", "/bin/rm", "-f", own + "/trap.db" + suffix])
        }
    }

    /// An operator's `chmod 440` makes the hall read-only, says so to a clerk who tries to write,
    /// and stays so.
    func testAReadOnlyHallStaysReadOnly() throws {
        let a = HallHost.clerks[0]
        try host.setUpHall()
        try host.run(a, ["next"])
        _ = chmod(host.database, 0o440)
        let refused = try host.run(a, ["act", "2026-000001", "note", "--text", "x"], expect: 1)
        XCTAssertTrue(refused.stderr.contains("read-only"), refused.stderr)
        XCTAssertFalse(refused.stderr.contains("attempt to write"), refused.stderr)
        XCTAssertTrue(try host.run(a, ["list"]).stdout.contains("2026-000001"), "reading still works")
        XCTAssertEqual(HallHost.fileInfo(host.database)?.mode, 0o440, "Wicket made the database writable again")
    }

    /// While one clerk's workstation holds the database open, the other clerk's commands write,
    /// and the workstation shows the change.
    func testAWorkstationOfOneClerkAndCommandsOfTheOther() throws {
        let (admin, b) = (HallHost.admin, HallHost.clerks[1])
        try host.setUpHall()
        let tmux = try TmuxServer()
        defer { tmux.kill() }
        let command = "/usr/sbin/runuser -u \(admin) -- /usr/bin/env LANG=C.UTF-8 TERM=xterm-256color " +
            "/bin/sh -c 'umask 022; exec \"$0\" \"$@\"' \(TmuxServer.quote(host.binary))"
        let pane = try tmux.start("shared", width: 100, height: 30, command: command)
        pane.waitFor(" Wicket ", "2026-000006")
        XCTAssertTrue(try host.run(b, ["next"]).stdout.contains("held by \(b)"))
        try host.run(b, ["act", "2026-000001", "accept"])
        pane.waitFor("accepted")
        pane.press("Q")
        pane.waitFor("EXITED 0")
    }

    /// `check-host` says what is right and what is wrong with a host's set-up, line by line.
    func testCheckHostNamesWhatIsWrong() throws {
        try host.setUpHall()
        let good = try host.runAsRoot(["check-host"])
        XCTAssertEqual(good.status, 0, good.stdout + good.stderr)
        XCTAssertFalse(good.stdout.contains("WRONG"), good.stdout)
        XCTAssertTrue(good.stdout.contains("setgid \(HallHost.group)"), good.stdout)

        // A clerk added to the service group, a companion made world-readable, the folder opened up.
        try HallHost.system(["/usr/sbin/usermod", "-aG", HallHost.group, HallHost.clerks[0]])
        _ = chmod(host.database + "-shm", 0o664)
        _ = chmod(host.hallFolder, 0o2775)
        let bad = try host.runAsRoot(["check-host"])
        XCTAssertEqual(bad.status, 1)
        let wrong = bad.stdout.split(separator: "\n").filter { $0.hasPrefix("WRONG") }
        XCTAssertEqual(wrong.count, 3, bad.stdout)
        XCTAssertTrue(wrong.contains { $0.contains(HallHost.clerks[0]) && $0.contains("sqlite3") }, bad.stdout)
        XCTAssertTrue(wrong.contains { $0.contains("hall.db-shm") }, bad.stdout)
        XCTAssertTrue(wrong.contains { $0.contains("2770") }, bad.stdout)
    }

    /// The path a hall run was allowed on is the path it opens: a clerk's link to the hall, swapped
    /// for a link to the clerk's own folder between the check and the open, changes nothing (it
    /// once made the program open the clerk's file with the hall's `-wal`, `-shm` and key).
    func testALinkSwappedBetweenTheCheckAndTheOpenIsNotFollowedAgain() throws {
        let a = HallHost.clerks[0]
        try host.setUpHall()
        let own = host.prefix + "/swap-\(a)"
        try HallHost.system(["/usr/bin/install", "-d", "-o", a, "-m", "755", own, own + "/evil"])
        try host.run(a, ["--db", own + "/evil/hall.db", "init"])   // the clerk's own hall: there they are admin
        let link = own + "/d"
        XCTAssertEqual(symlink(host.hallFolder, link), 0)
        let fifo = own + "/applications"
        XCTAssertEqual(mkfifo(fifo, 0o644), 0)
        try HallHost.system(["/bin/chown", a, fifo])

        // The import opens its file before the database: the FIFO holds it there.
        let (process, output, errors) = try host.launch(a, ["--db", link + "/hall.db", "import", fifo])
        // Swap only once wicket sits in open() of the FIFO (x86-64 openat is 257; root reads
        // /proc/PID/syscall), never after a fixed pause a loaded machine may not honour.
        try waitUntilBlockedOpening(fifo)
        let swapped = own + "/d.new"
        XCTAssertEqual(symlink(own + "/evil", swapped), 0)
        XCTAssertEqual(rename(swapped, link), 0)
        let writer = try XCTUnwrap(FileHandle(forWritingAtPath: fifo))
        writer.write(Data((HallHost.applications.split(separator: "\n")[0].replacingOccurrences(of: "sh-1", with: "swap-1") + "\n").utf8))
        try writer.close()
        _ = output.fileHandleForReading.readDataToEndOfFile()
        let err = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()

        XCTAssertEqual(process.terminationStatus, 1, "the import ran somewhere: \(err)")
        XCTAssertTrue(err.contains("import"), err)
        let evil = try CaseStore.open(path: own + "/evil/hall.db")
        XCTAssertEqual(try evil.db.scalarInt("SELECT count(*) FROM cases"), 0, "the clerk's file was written with the hall's group")
        let hall = try CaseStore.open(path: host.database)
        XCTAssertEqual(try hall.db.scalarInt("SELECT count(*) FROM cases"), 6)
    }
}

extension SharedHostTests {
    /// Waits (up to 60 s) until a `wicket` process naming `path` is blocked opening it.
    func waitUntilBlockedOpening(_ path: String, file: StaticString = #filePath, line: UInt = #line) throws {
        let deadline = Date().addingTimeInterval(60)
        while Date() < deadline {
            let pids = (try? FileManager.default.contentsOfDirectory(atPath: "/proc"))?.filter { Int($0) != nil } ?? []
            for pid in pids {
                guard let comm = try? String(contentsOfFile: "/proc/\(pid)/comm", encoding: .utf8), comm.hasPrefix("wicket"),
                      let command = FileManager.default.contents(atPath: "/proc/\(pid)/cmdline"),
                      String(decoding: command, as: UTF8.self).contains(path),
                      let call = try? String(contentsOfFile: "/proc/\(pid)/syscall", encoding: .utf8) else { continue }
                if call.hasPrefix("257 ") || call.hasPrefix("2 ") { return }
            }
            usleep(20_000)
        }
        XCTFail("no wicket process came to open \(path)", file: file, line: line)
    }
}
