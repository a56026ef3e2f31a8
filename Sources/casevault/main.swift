import CaseVaultCLI
import Foundation

exit(CaseVaultCommand.run(arguments: Array(CommandLine.arguments.dropFirst())))
