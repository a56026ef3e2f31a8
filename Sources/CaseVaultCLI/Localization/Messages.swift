import Foundation
import Intake

/// The user's language and its catalog: every word the CLI shows comes from here (message ids
/// `cli.*` in `Catalogs/*.po`), so it is translated in every supported language.
public struct Messages: Sendable {
    /// The catalogs of the language; nil only if the embedded catalogs could not be read, in
    /// which case message ids are shown (the catalog tests make that a build-time failure).
    public let localizer: Localizer?

    /// How a command is started where the text is shown: `casevault ` for one-off commands,
    /// empty inside `casevault shell`. Filled into every `{run}` placeholder, so a hint such as
    /// "continue with `{run}intake --resume`" works where it is read.
    public var invocation = "casevault "

    public init(localizer: Localizer?) { self.localizer = localizer }

    /// The active language.
    public var language: Language { localizer?.language ?? .english }

    /// The text of `id` with `{name}` placeholders filled from `arguments`.
    public func callAsFunction(_ id: String, _ arguments: [String: String] = [:]) -> String {
        localizer?.text(id, withInvocation(arguments).mapValues { .text($0) }) ?? id
    }

    private func withInvocation(_ arguments: [String: String]) -> [String: String] {
        arguments.merging(["run": invocation]) { given, _ in given }
    }

    /// The plural form of `id` for `count` (`{count}` is filled in the language's notation).
    public func plural(_ id: String, count: Int, _ arguments: [String: String] = [:]) -> String {
        localizer?.plural(id, count: count, withInvocation(arguments).mapValues { .text($0) }) ?? id
    }

    /// The notice a session in a language whose texts await native review shows first, nil
    /// for a reviewed language.
    public var reviewNotice: String? {
        localizer?.catalog.awaitsNativeReview == true ? self("cli.notice.awaiting_review") : nil
    }

    /// A day (`YYYY-MM-DD` as the vault stores it) written the language's way (`21.03.2026.`).
    public func day(_ iso: String) -> String {
        guard let day = CalendarDay(iso: iso), let localizer else { return iso }
        return localizer.formats.format(day)
    }

    /// Messages in `language`.
    public static func load(_ language: Language) -> Messages {
        Messages(localizer: try? IntakeResources.localizer(for: language))
    }

    /// English, the source language.
    public static let english = load(.english)
}
