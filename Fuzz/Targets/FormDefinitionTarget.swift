import Foundation
import Intake

/// Form definition files (`FormLoader`: the JSON parser, the form reader and the checker against
/// the embedded catalogs). A form that loads must also give an engine its first question.
enum FormDefinitionTarget {
    static let target = FuzzTarget(name: "form-definition") { data in
        guard let form = try? FormLoader.load(Array(data), catalogs: FuzzFixtures.catalogs) else { return }
        let engine = IntakeEngine(form: form, localizer: FuzzFixtures.localizers[0], today: FuzzFixtures.today)
        _ = engine.current
    }
}
