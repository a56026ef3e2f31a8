/// Placeholder until the intake module lands.
enum IntakePlaceholder {}
