@preconcurrency import Glibc
import ZhangguiServices
import ZhangguiStore

/// Every subcommand, in the order of the help.
enum Commands {
    static let all: [Command] = [
        SetupCommands.initialize, ImportCommand.command, OrderCommands.review, OrderCommands.approve,
        OrderCommands.hold,
        OrderCommands.release, OrderCommands.allocate, OrderCommands.waybill, OrderCommands.ship, OrderCommands.orders,
        BooksCommands.stock, BooksCommands.check, BooksCommands.report, DemoCommand.command, BenchCommand.command,
        SetupCommands.migrate,
        ServeCommand.command,
    ]
}

func printUsage() {
    Output.line("zhanggui — 掌柜, an ERP for online sellers: orders in, reviewed, stocked, waybilled, shipped, booked.")
    Output.line()
    Output.line("Usage: zhanggui COMMAND [options]     (zhanggui COMMAND --help for details)")
    Output.line()
    Output.table(Commands.all.map { [$0.name, $0.summary] })
    Output.line()
    Output.line(commonOptionsHelp)
}

func run(_ words: [String]) -> Int32 {
    guard let name = words.first, !["--help", "-h", "help"].contains(name) else {
        printUsage()
        return words.isEmpty ? 2 : 0
    }
    guard let command = Commands.all.first(where: { $0.name == name }) else {
        Output.error("zhanggui: unknown command '\(name)'. Run zhanggui --help for the list.")
        return 2
    }
    do {
        let arguments = try Arguments(Array(words.dropFirst()), flagNames: command.flags)
        if arguments.flag("help") {
            Output.line(command.help)
            Output.line()
            Output.line(commonOptionsHelp)
            return 0
        }
        try arguments.rejectUnknown(allowed: command.flags.union(command.options))
        return try command.run(arguments)
    } catch let error as UsageError {
        Output.error("zhanggui \(name): \(error)")
        Output.error("run zhanggui \(name) --help for usage")
        return 2
    } catch {
        Output.error("zhanggui \(name): \(error)")
        return 1
    }
}

setvbuf(stdout, nil, _IOLBF, 0)
exit(run(Array(CommandLine.arguments.dropFirst())))
