import CaseStore

/// The words an Incident Recorder cell holds for each statistics category (docs/export.md,
/// "incident-recorder"): the workbook's English wording where it has one (as Primero's exporter
/// writes it), else a plain English label of our category. Nil is an empty cell: a category the
/// workbook cannot express without inventing, and "unknown", which the facts use both for a
/// survivor's "not known" and for a question nobody answered.
enum IncidentRecorderWording {
    /// `2026-03` as `Mar-2026`: Primero's `%d-%b-%Y` without the day, which the facts do not keep.
    static func month(_ month: FactMonth) -> String {
        monthNames[month.month - 1] + "-" + String(month.year)
    }

    private static let monthNames = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    static func sex(_ id: String) -> String? {
        switch id {
        case "female": "F"
        case "male": "M"
        default: nil
        }
    }

    static func ethnicity(_ id: String) -> String? {
        switch id {
        case "serb": "Serb"
        case "roma": "Roma"
        case "albanian": "Albanian"
        case "bosniak": "Bosniak"
        case "ashkali": "Ashkali"
        case "egyptian": "Egyptian"
        case "other": "Other"
        case "not_stated": "Not stated"
        default: nil
        }
    }

    static func maritalStatus(_ id: String) -> String? {
        switch id {
        case "single": "Single"
        case "married", "cohabiting": "Married/Cohabitating"
        case "divorced", "separated": "Divorced/Separated"
        case "widowed": "Widowed"
        default: nil
        }
    }

    static func displacement(_ id: String) -> String? {
        switch id {
        case "not_displaced": "Resident"
        case "idp": "IDP"
        case "refugee": "Refugee"
        case "returnee": "Returnee"
        default: nil
        }
    }

    /// A yes/no answer (disability, previous incidents). For disability the workbook's menu
    /// names a kind (mental, physical, both); the intake asks only whether there is one, so a
    /// "yes" stays "Yes" rather than an invented kind.
    static func yesNo(_ id: String) -> String? {
        switch id {
        case "yes": "Yes"
        case "no": "No"
        default: nil
        }
    }

    /// Primero drops the part in brackets ("Morning (sunrise to noon)" is written "Morning").
    static func timeOfDay(_ id: String) -> String? {
        switch id {
        case "morning": "Morning"
        case "afternoon": "Afternoon"
        case "evening_night": "Evening/Night"
        default: nil
        }
    }

    static func place(_ id: String) -> String? {
        switch id {
        case "survivor_home": "Client's Home"
        case "perpetrator_home": "Perpetrator's Home"
        case "other_home": "Other home"
        case "street": "Road"
        case "workplace": "Workplace"
        case "school": "School"
        case "institution": "Institution"
        case "online": "Online"
        case "other": "Other"
        default: nil
        }
    }

    /// The district (okrug) a municipality of the intake lies in, written in the workbook's
    /// INCIDENT DISTRICT column; nil for "other" and "unknown".
    static func district(_ municipality: String) -> String? {
        switch municipality {
        case "krusevac", "aleksandrovac", "brus", "varvarin", "trstenik", "cicevac": "Rasina"
        case "mitrovica_south", "mitrovica_north", "vucitrn", "srbica", "leposavic", "zubin_potok", "zvecan": "Mitrovica"
        default: nil
        }
    }

    /// The municipality, named as the English catalog names it (both languages where the two
    /// differ), written in the INCIDENT CAMP / TOWN column; never the typed name of an "other" place.
    static func municipality(_ id: String) -> String? {
        switch id {
        case "krusevac": "Kruševac"
        case "aleksandrovac": "Aleksandrovac"
        case "brus": "Brus"
        case "varvarin": "Varvarin"
        case "trstenik": "Trstenik"
        case "cicevac": "Ćićevac"
        case "mitrovica_south": "Mitrovica South"
        case "mitrovica_north": "Mitrovica North"
        case "vucitrn": "Vučitrn / Vushtrri"
        case "srbica": "Srbica / Skenderaj"
        case "leposavic": "Leposavić / Leposaviq"
        case "zubin_potok": "Zubin Potok"
        case "zvecan": "Zvečan / Zveçan"
        default: nil
        }
    }

    static func gbvType(_ id: String) -> String? {
        switch id {
        case "rape": "Rape"
        case "sexual_assault": "Sexual Assault"
        case "physical_assault": "Physical Assault"
        case "forced_marriage": "Forced Marriage"
        case "denial_of_resources": "Denial of Resources, Opportunities or Services"
        case "psychological_abuse": "Psychological / Emotional Abuse"
        case "non_gbv": "Non-GBV"
        default: nil
        }
    }

    static func perpetratorCount(_ id: String) -> String? {
        switch id {
        case "1", "2", "3": id
        case "4+": "More than 3"
        default: nil
        }
    }

    /// The workbook's age menu ("Age 18 - 25", "61 & Older"), as Primero's exporter maps it.
    static func ageGroup(_ id: String) -> String? {
        switch id {
        case "0-11": "Age 0 - 11"
        case "12-17": "Age 12 - 17"
        case "18-25": "Age 18 - 25"
        case "26-40": "Age 26 - 40"
        case "41-60": "Age 41 - 60"
        case "61+": "61 & Older"
        default: nil
        }
    }

    static func relationship(_ id: String) -> String? {
        switch id {
        case "intimate_partner", "former_partner": "Intimate Partner / Former Partner"
        case "family_member": "Family member"
        case "acquaintance": "Acquaintance"
        case "stranger": "No relation"
        case "authority_figure": "Authority figure"
        case "other": "Other"
        default: nil
        }
    }

    /// The sex of the alleged perpetrators together: "M", "F" or "M and F" (Primero's rule).
    static func perpetratorSex(male: Bool, female: Bool) -> String? {
        switch (male, female) {
        case (true, true): "M and F"
        case (true, false): "M"
        case (false, true): "F"
        case (false, false): nil
        }
    }

    static let referred = "Referred"
    static let consentGiven = "Yes"
    static let reportedToGBVIMSOrganisation = "Yes-GBVIMS Org / Agency"
    static let reportedElsewhereOnly = "Yes-Non GBVIMS Org / Agency"
    static let notReported = "No"
}
