import Foundation
import ZhangguiCore
import ZhangguiHTTP
import ZhangguiSimulator

/// `zhanggui-sim [--port N] [--seed-uci FILE --shop-prefix P --orders N]`: the platform simulator on 127.0.0.1.
/// Test and demo equipment only (docs/SIMULATOR.md).
SimulatorCommand.run(Array(CommandLine.arguments.dropFirst()))
