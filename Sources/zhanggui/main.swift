@preconcurrency import Glibc
import ZhangguiServices
import ZhangguiStore

/// Every subcommand, in the order of the help.
enum Commands {
    static let all: [Command] = [
        SetupCommands.initialize, WarehouseCommand.command, ImportCommand.command, OrderCommands.review,
        OrderActionCommands.approve, OrderActionCommands.hold, OrderActionCommands.release, OrderActionCommands.cancel,
        SplitMergeCommands.split, SplitMergeCommands.merge, SplitMergeCommands.unmerge,
        FulfilmentCommands.allocate, FulfilmentCommands.waybill, LabelCommands.labels, LabelCommands.picklist,
        PackCommand.command, FulfilmentCommands.ship, OrderCommands.orders,
        OrderDetailCommand.command, BooksCommands.stock, AlertCommands.reorderPoint, AlertCommands.alerts,
        TrackCommand.command, AfterSaleCommand.command, BooksCommands.check, BooksCommands.report,
        ShopCommands.command, CourierCommands.command,
        DemoCommand.command, BenchCommand.command, ServeCommand.command, AlertCommands.jobs, BackupCommand.command,
        SetupCommands.migrate, AdminCommand.command,
    ]
}

func printUsage() {
    Output.line("zhanggui — 掌柜, an ERP for online sellers: orders in, reviewed, stocked, waybilled, shipped, booked.")
    Output.line()
    Output.line("Usage: zhanggui [--db PATH] [--data DIR] COMMAND [options]     (zhanggui COMMAND --help for details)")
    Output.line()
    Output.table(Commands.all.map { [$0.name, $0.summary] })
    Output.line()
    Output.line(
        """
        Common options, before or after the command:
          --db PATH      the database: an SQLite file, or a postgres:// URL for PostgreSQL (default:
                         $ZHANGGUI_DATABASE or ./zhanggui.sqlite)
          --data DIR     reference data folder holding divisions/ (default: $ZHANGGUI_DATA, ./Data, or the Data
                         folder of the repository the tool was built in)
        Exit status: 0 done, 1 refused or failed, 2 usage mistake.
        """
    )
}

/// Runs the command line `words` (without the program name) and returns the exit status.
func run(_ words: [String]) -> Int32 {
    let invocation: Invocation
    do {
        invocation = try Invocation(words)
    } catch {
        Output.error("zhanggui: \(error)")
        Output.error("run zhanggui --help for usage")
        return 2
    }
    guard let name = invocation.commandName else {
        printUsage()
        return invocation.asksForHelp ? 0 : 2
    }
    guard let command = Commands.all.first(where: { $0.name == name }) else {
        Output.error("zhanggui: unknown command '\(name)'. Run zhanggui --help for the list.")
        return 2
    }
    let help = invocation.asksForHelp ? ["--help"] : []
    return run(command, words: invocation.leadingOptions + invocation.rest + help)
}

/// Runs one command: parses its arguments, shows its help or carries it out, and turns errors into exit statuses.
func run(_ command: Command, words: [String]) -> Int32 {
    do {
        let arguments = try Arguments(
            words,
            flagNames: command.flags,
            optionNames: command.options,
            repeatableNames: command.repeatable
        )
        if arguments.flag("help") {
            Output.line(command.help)
            Output.line()
            Output.line(command.commonOptionsHelp)
            return 0
        }
        try arguments.requirePositionals(command.positionals, usage: command.usageLine)
        return try command.run(arguments)
    } catch let error as UsageError {
        Output.error("zhanggui \(command.name): \(error)")
        Output.error("run zhanggui \(command.name) --help for usage")
        return 2
    } catch {
        Output.error("zhanggui \(command.name): \(error)")
        return 1
    }
}

setvbuf(stdout, nil, _IOLBF, 0)
exit(run(Array(CommandLine.arguments.dropFirst())))
