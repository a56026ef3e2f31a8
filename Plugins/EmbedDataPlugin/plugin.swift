import Foundation
import PackagePlugin

/// Embeds the repository's data files into the targets that use them as generated Swift, so the
/// built binary carries its schema, forms and translation catalogs and works when copied alone
/// to another machine: `Migrations/*.sql` into CaseStore (`EmbeddedMigrations`), `Forms/*.json`
/// (`EmbeddedForms`) and `Catalogs/*.po` (`EmbeddedCatalogs`) into Intake, and
/// `Migrations/postgresql/*.sql` into PostgresStorage (`EmbeddedPostgresMigrations`). A folder's
/// files are read without its subfolders, so CaseStore never embeds the PostgreSQL schema.
@main
struct EmbedDataPlugin: BuildToolPlugin {
    static let embeddings: [String: [(folder: String, fileExtension: String, enumName: String)]] = [
        "CaseStore": [("Migrations", "sql", "EmbeddedMigrations")],
        "Intake": [("Forms", "json", "EmbeddedForms"), ("Catalogs", "po", "EmbeddedCatalogs")],
        "PostgresStorage": [("Migrations/postgresql", "sql", "EmbeddedPostgresMigrations")],
    ]

    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        try (Self.embeddings[target.name] ?? []).map { folder, fileExtension, enumName in
            let directory = context.package.directoryURL.appending(path: folder)
            let files = try FileManager.default
                .contentsOfDirectory(at: directory, includingPropertiesForKeys: nil)
                .filter { $0.pathExtension == fileExtension }
                .sorted { $0.lastPathComponent < $1.lastPathComponent }
            let output = context.pluginWorkDirectoryURL.appending(path: "\(enumName).swift")
            return .buildCommand(
                displayName: "Embedding \(files.count) \(folder) files",
                executable: try context.tool(named: "embed-files").url,
                arguments: [output.path, enumName] + files.map(\.path),
                inputFiles: files + [directory],
                outputFiles: [output]
            )
        }
    }
}
