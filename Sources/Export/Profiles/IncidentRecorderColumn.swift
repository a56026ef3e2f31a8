/// The 42 columns of the GBVIMS Incident Recorder's "Incident Data" sheet, in the workbook's
/// order, so that exported rows paste into it column for column. The raw value is the column's
/// position; the header is the workbook's English wording (as Primero writes it).
public enum IncidentRecorderColumn: Int, CaseIterable, Sendable {
    case incidentID, survivorCode, caseManagerCode, dateOfInterview, dateOfIncident, dateOfBirth, sex, ethnicity
    case countryOfOrigin, maritalStatus, displacementStatus, disability, unaccompaniedChild, stageOfDisplacement
    case timeOfDay, location, county, district, campTown, gbvType, harmfulTraditionalPractice, moneyExchanged
    case abductionType, previouslyReported, previousIncidents, perpetratorCount, perpetratorSex, previousWithPerpetrator
    case perpetratorAgeGroup, perpetratorRelationship, perpetratorOccupation, referredFrom, shelter, health
    case psychosocial, wantsLegalAction, legal, police, livelihoods, childProtection, consent, agencyCode

    /// The header the workbook shows above this column.
    public var header: String { Self.headers[rawValue] }

    private static let headers = [
        "INCIDENT ID", "SURVIVOR CODE", "CASE MANAGER CODE", "DATE OF INTERVIEW", "DATE OF INCIDENT", "DATE OF BIRTH", "SEX",
        "ETHNICITY", "COUNTRY OF ORIGIN", "CIVIL / MARITAL STATUS", "DISPLACEMENT STATUS AT REPORT", "PERSON WITH DISABILITY?",
        "UNACCOMPANIED OR SEPARATED CHILD?", "STAGE OF DISPLACEMENT AT INCIDENT", "INCIDENT TIME OF DAY", "INCIDENT LOCATION",
        "INCIDENT COUNTY", "INCIDENT DISTRICT", "INCIDENT CAMP / TOWN", "GBV TYPE", "HARMFUL TRADITIONAL PRACTICE",
        "MONEY, GOODS, BENEFITS AND / OR SERVICES EXCHANGED ?", "TYPE OF ABDUCTION", "PREVIOUSLY REPORTED THIS INCIDENT?",
        "PREVIOUS GBV INCIDENTS?", "No. ALLEGED PRIMARY PERPETRATOR(S)", "ALLEGED PERPETRATOR SEX",
        "PREVIOUS INCIDENT WITH THIS PERPETRATOR", "ALLEGED PERPETRATOR AGE GROUP", "ALLEGED PERPETRATOR - SURVIVOR RELATIONSHIP",
        "ALLEGED PERPETRATOR OCCUPATION", "REFERRED TO YOU FROM?", "SAFE HOUSE / SHELTER", "HEALTH / MEDICAL SERVICES",
        "PSYCHOSOCIAL SERVICES", "WANTS LEGAL ACTION?", "LEGAL ASSISTANCE SERVICES", "POLICE / OTHER SECURITY ACTOR",
        "LIVELIHOODS PROGRAM", "CHILD PROTECTION SERVICES / EDUCATION SERVICES", "CONSENT GIVEN", "REPORTING AGENCY CODE",
    ]
}
