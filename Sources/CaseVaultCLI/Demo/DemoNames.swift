import CaseStore
import Transliteration

/// Names for the demo survivors: common first names with surnames nobody has ("Primerović" is
/// "Example-ović", "Izmišljenović" "Made-up-ović", "Shembullaj" "Example-aj"), so a demo
/// case can never be mistaken for a real person. Serbian names are written in Cyrillic and
/// transliterated for Latin-script cases (Latin to Cyrillic is ambiguous, so never the reverse).
enum DemoNames {
    static let serbianWomen = [
        "Јелена", "Марија", "Милица", "Снежана", "Драгана", "Гордана", "Ивана", "Биљана", "Јасмина", "Зорица",
        "Ружица", "Данијела", "Светлана", "Тијана", "Невена", "Славица", "Љиљана", "Ђурђина", "Наташа", "Његослава",
    ]
    static let serbianMen = ["Марко", "Стефан", "Милош", "Небојша", "Ђорђе"]
    /// Invented surnames, obviously not real.
    static let serbianSurnames = [
        "Примеровић", "Измишљеновић", "Фиктивић", "Пробновић", "Замишљеновић", "Непостојић", "Узорковић", "Вежбановић", "Демоска",
    ]
    static let romaWomen = ["Elvira", "Medina", "Sabina", "Zumreta", "Fatima", "Senada", "Đulija", "Ramiza", "Šemsa", "Suzana"]
    static let romaMen = ["Sead", "Bajram", "Muharem"]
    static let albanianWomen = ["Arta", "Drita", "Vjosa", "Blerta", "Teuta", "Mimoza", "Fatmire", "Shqipe", "Lirije", "Valbona"]
    static let albanianMen = ["Arben", "Driton", "Besnik"]
    /// Invented Albanian-looking surnames (shembull "example", trillim "fiction", imagjinar "imaginary").
    static let albanianSurnames = ["Shembullaj", "Trillimaj", "Imagjinaraj"]
    static let foreignWomen = ["Amina", "Grace", "Leila", "Sara", "Nadia"]
    static let foreignMen = ["Omar", "Daniel"]
    static let foreignSurnames = ["Exampleton", "Inventson", "Madeupova"]

    /// Every invented surname in every script it is written in (for tests and checks).
    static var allSurnames: [String] {
        serbianSurnames + serbianSurnames.map(SerbianTransliteration.cyrillicToLatin) + albanianSurnames + foreignSurnames
    }

    /// A fictional full name for a survivor of `community`, in the script of `language`.
    static func name(_ community: DemoPopulation.Community, sex: Sex, language: String, _ random: inout SeededRandom) -> String {
        let man = sex == .male
        switch community {
        case .serbian:
            let name = random.pick(man ? serbianMen : serbianWomen) + " " + random.pick(serbianSurnames)
            return language == "sr-Cyrl" ? name : SerbianTransliteration.cyrillicToLatin(name)
        case .roma:
            return random.pick(man ? romaMen : romaWomen) + " " + SerbianTransliteration.cyrillicToLatin(random.pick(serbianSurnames))
        case .albanian:
            return random.pick(man ? albanianMen : albanianWomen) + " " + random.pick(albanianSurnames)
        case .foreign:
            return random.pick(man ? foreignMen : foreignWomen) + " " + random.pick(foreignSurnames)
        }
    }

    /// A phone number in a range no one has (+381 60 000 xxxx).
    static func phone(_ random: inout SeededRandom) -> String {
        let digits = String(random.below(10_000))
        return "+381 60 000 " + String(repeating: "0", count: 4 - digits.count) + digits
    }
}
