-- Intake drafts (issue 4): the partial answers of an interrupted intake, one per user, sealed
-- under a key only that user holds. Never edit after it ships.
CREATE TABLE intake_drafts (
    user_name   TEXT PRIMARY KEY REFERENCES key_slots(user_name) ON DELETE CASCADE,
    updated_day TEXT NOT NULL,
    sealed      BLOB NOT NULL
);
