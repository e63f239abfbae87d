import Foundation
import WicketCore

enum CheckHostCommand {
    static let spec = CommandSpec(
        name: "check-host", arguments: [],
        summary: "Check a shared host's set-up: the setgid program, host settings, the hall's folder, files, key and group.",
        discussion: """
            Follows README "A shared host": the installed wicket is root's and setgid to the service group;
            PREFIX/etc/wicket/wicket.conf is root's and names the hall's database; its folder is the service
            group's, mode 2770; the database, its -wal/-shm and the history key are plain files of that group
            with nothing for others; no clerk is a member of the group. One line a finding; exit 1 if any is wrong.
            """
    ) { _, context in
        let executable = SystemConfig.executablePath ?? CommandLine.arguments[0]
        let configPath = SystemConfig.location(forExecutable: executable)
        let findings = HostCheck(executable: executable, config: SystemConfig.load(configPath), configPath: configPath).run()
        let language = context.settings.language
        for finding in findings {
            Output.line((finding.ok ? "ok      " : "WRONG   ") + finding.text.text(language))
        }
        return findings.allSatisfy(\.ok) ? 0 : 1
    }
}
