import CaseStore
import Transliteration

/// The free texts of the demo cases: short accounts, notes, plans and organisations, every one
/// marked as invented ("Измишљени пример", "Fictional example"). This is case data, not
/// interface text, so it is not in the catalogs: Serbian is written in Cyrillic and
/// transliterated for Latin-script cases; cases served in Albanian or English get English.
enum DemoTexts {
    /// The script and language a text is written in.
    enum Script {
        case cyrillic, latin, english

        /// The script a caseworker uses for the account of a case served in `language`.
        static func forCase(language: String) -> Script {
            switch language {
            case "sr-Cyrl": .cyrillic
            case "sr-Latn", "rom": .latin
            default: .english
            }
        }
    }

    /// Serbian (Cyrillic) and English versions of one text.
    struct Text {
        let serbian: String
        let english: String

        func written(_ script: Script) -> String {
            switch script {
            case .cyrillic: serbian
            case .latin: SerbianTransliteration.cyrillicToLatin(serbian)
            case .english: english
            }
        }
    }

    static func accounts(for type: IncidentType) -> [Text] {
        switch type {
        case .rape: [
            Text(serbian: "Измишљени пример: наводи да ју је познаник силовао после прославе; дошла је у пратњи сестре.",
                 english: "Fictional example: she says an acquaintance raped her after a party; her sister came with her."),
            Text(serbian: "Измишљени пример: бивши партнер ју је присилио на сексуални однос у њеном стану.",
                 english: "Fictional example: her former partner forced her into intercourse in her flat."),
        ]
        case .sexualAssault: [
            Text(serbian: "Измишљени пример: колега на послу ју је више пута додиривао против њене воље.",
                 english: "Fictional example: a colleague at work touched her several times against her will."),
            Text(serbian: "Измишљени пример: непознати мушкарац је покушао да је силује на путу до станице; побегла је.",
                 english: "Fictional example: an unknown man tried to rape her on the way to the station; she got away."),
        ]
        case .physicalAssault: [
            Text(serbian: "Измишљени пример: партнер ју је ударио током свађе; има модрице на рукама.",
                 english: "Fictional example: her partner hit her during a quarrel; she has bruises on her arms."),
            Text(serbian: "Измишљени пример: брат ју је гурнуо низ степенице; прегледана је у дому здравља.",
                 english: "Fictional example: her brother pushed her down the stairs; she was examined at the health centre."),
            Text(serbian: "Измишљени пример: свекар ју је ошамарио пред децом.",
                 english: "Fictional example: her father-in-law slapped her in front of the children."),
        ]
        case .forcedMarriage: [
            Text(serbian: "Измишљени пример: породица договара њен брак против њене воље и прети да ће је избацити из куће.",
                 english: "Fictional example: her family is arranging her marriage against her will and threatens to throw her out."),
        ]
        case .denialOfResources: [
            Text(serbian: "Измишљени пример: муж јој одузима плату и не дозвољава да заврши школу.",
                 english: "Fictional example: her husband takes her wages and does not let her finish school."),
            Text(serbian: "Измишљени пример: брат јој не да наследни део куће и не дозвољава јој да иде код лекара.",
                 english: "Fictional example: her brother keeps her share of the house and does not let her see a doctor."),
        ]
        case .psychologicalAbuse: [
            Text(serbian: "Измишљени пример: партнер јој прети и контролише њен телефон; не сме сама да излази.",
                 english: "Fictional example: her partner threatens her and checks her phone; she may not go out alone."),
            Text(serbian: "Измишљени пример: бивши муж је прати до посла и шаље јој претеће поруке.",
                 english: "Fictional example: her former husband follows her to work and sends her threatening messages."),
            Text(serbian: "Измишљени пример: свекрва је понижава и забрањује јој да виђа пријатељице.",
                 english: "Fictional example: her mother-in-law humiliates her and forbids her to see her friends."),
        ]
        case .nonGBV: [
            Text(serbian: "Измишљени пример: тражи помоћ око папира за социјалну помоћ; не пријављује насиље.",
                 english: "Fictional example: she asks for help with social assistance papers; she reports no violence."),
            Text(serbian: "Измишљени пример: спор са комшијом око дворишта; тражи правни савет.",
                 english: "Fictional example: a dispute with a neighbour over the yard; she wants legal advice."),
        ]
        }
    }

    static let notes: [Text] = [
        Text(serbian: "Измишљена белешка: разговор телефоном, осећа се сигурније.", english: "Fictional note: phone call, she feels safer."),
        Text(serbian: "Измишљена белешка: договорен нови састанак у саветовалишту.", english: "Fictional note: new meeting agreed at the counselling centre."),
        Text(serbian: "Измишљена белешка: заједно смо направиле план безбедности.", english: "Fictional note: we made a safety plan together."),
        Text(serbian: "Измишљена белешка: није се јавила на заказани позив.", english: "Fictional note: she did not answer the planned call."),
    ]

    static let plans: [Text] = [
        Text(serbian: "Измишљени план: недељни разговори, правни савет о хитним мерама, провера безбедности после месец дана.",
             english: "Fictional plan: weekly talks, legal advice on urgent protective measures, safety check after a month."),
        Text(serbian: "Измишљени план: пратња до центра за социјални рад, помоћ око документа, групна подршка.",
             english: "Fictional plan: accompany her to the social welfare centre, help with documents, group support."),
    ]

    static let followUps: [Text] = [
        Text(serbian: "Измишљено: позвати и проверити како је.", english: "Fictional: call and check how she is."),
        Text(serbian: "Измишљено: проверити одговор правне клинике.", english: "Fictional: check the legal clinic's answer."),
    ]

    /// An invented organisation for each service (Пример means "example").
    static func organisation(for service: ReferralService) -> Text {
        switch service {
        case .psychosocial: Text(serbian: "Саветовалиште „Пример“", english: "Counselling centre “Example”")
        case .legal: Text(serbian: "Правна клиника „Пример“", english: "Legal clinic “Example”")
        case .health: Text(serbian: "Дом здравља „Пример“", english: "Health centre “Example”")
        case .safety: Text(serbian: "Сигурна кућа „Пример“", english: "Shelter “Example”")
        case .police: Text(serbian: "Полицијска станица „Пример“", english: "Police station “Example”")
        case .socialWelfare: Text(serbian: "Центар за социјални рад „Пример“", english: "Social welfare centre “Example”")
        case .livelihood: Text(serbian: "Програм запошљавања „Пример“", english: "Employment programme “Example”")
        }
    }
}
