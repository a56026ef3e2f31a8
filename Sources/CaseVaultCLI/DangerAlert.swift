/// What a worker sees when an intake recorded immediate danger (at the end of the intake and at
/// the top of `case show`): the emergency numbers for Serbia and Kosovo and the shelter step, in
/// her language. The numbers are in the catalogs (docs/cli.md: to be confirmed by each
/// organisation for its area).
enum DangerAlert {
    static func lines(_ messages: Messages) -> [String] {
        ["!! " + messages("cli.alert.danger.title"),
         "   " + messages("cli.alert.danger.now"),
         "   " + messages("cli.alert.danger.serbia"),
         "   " + messages("cli.alert.danger.kosovo"),
         "   " + messages("cli.alert.danger.shelter")]
    }
}
