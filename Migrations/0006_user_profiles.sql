-- How each staff user wants her or his role named (issue 9): Serbian and Romani role nouns have
-- a feminine and a masculine form, and each account chooses its own. A display preference only:
-- no decision reads it, so it is plain and unsigned (docs/vault-format.md). A user without a row
-- is named in the feminine. Never edit after it ships.
CREATE TABLE user_profiles (
    user_name          TEXT PRIMARY KEY NOT NULL,
    grammatical_gender TEXT NOT NULL CHECK (grammatical_gender IN ('feminine', 'masculine'))
);
