import GRDB

/// The database schema, as numbered migrations. A migration that has been committed is never edited:
/// schema changes are new migrations ("v2", "v3", …) appended at the end of `migrator`.
public enum Schema {
    /// All migrations of the bank, in order.
    public static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1") { db in
            // The questions, one row each; texts in both languages.
            try db.execute(sql: """
                CREATE TABLE question (
                    id TEXT PRIMARY KEY NOT NULL,
                    topic TEXT NOT NULL,
                    tags TEXT NOT NULL,                 -- JSON array of strings
                    difficulty INTEGER NOT NULL CHECK (difficulty BETWEEN 1 AND 3),
                    source TEXT NOT NULL CHECK (source IN ('seed', 'original')),
                    kind TEXT NOT NULL CHECK (kind IN ('recall', 'choice')),
                    explain TEXT,
                    question_zh TEXT NOT NULL,
                    question_en TEXT NOT NULL,
                    answer_zh TEXT NOT NULL,
                    answer_en TEXT NOT NULL,
                    correction_zh TEXT,
                    correction_en TEXT,
                    demo TEXT NOT NULL,                 -- the Demo section as written (Markdown)
                    path TEXT,                          -- file the question was imported from
                    origin TEXT NOT NULL CHECK (origin IN ('bundled', 'user'))
                );
                CREATE INDEX question_topic ON question(topic);

                CREATE TABLE choice (
                    question_id TEXT NOT NULL REFERENCES question(id) ON DELETE CASCADE,
                    position INTEGER NOT NULL,
                    correct BOOLEAN NOT NULL,
                    text_zh TEXT NOT NULL,
                    text_en TEXT NOT NULL,
                    PRIMARY KEY (question_id, position)
                );

                -- One row per `>>>` example; `block` is the ```python block (one session each).
                CREATE TABLE demo (
                    question_id TEXT NOT NULL REFERENCES question(id) ON DELETE CASCADE,
                    block INTEGER NOT NULL,
                    position INTEGER NOT NULL,
                    source TEXT NOT NULL,
                    expected TEXT NOT NULL,
                    line INTEGER NOT NULL,
                    PRIMARY KEY (question_id, block, position)
                );

                -- Study state. Keyed by a card key (e.g. "q:<question id>" or an exercise key), deliberately
                -- without a foreign key: review history survives re-imports of the questions.
                CREATE TABLE card (
                    key TEXT PRIMARY KEY NOT NULL,
                    question_id TEXT,
                    state INTEGER NOT NULL DEFAULT 1,   -- FSRS: 1 learning, 2 review, 3 relearning
                    step INTEGER,
                    stability REAL,
                    difficulty REAL,
                    due DATETIME NOT NULL,
                    last_review DATETIME
                );
                CREATE INDEX card_due ON card(due);

                CREATE TABLE review_log (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    card_key TEXT NOT NULL,
                    rating INTEGER NOT NULL CHECK (rating BETWEEN 1 AND 4),
                    reviewed_at DATETIME NOT NULL,
                    elapsed_days REAL NOT NULL DEFAULT 0,
                    scheduled_days REAL NOT NULL DEFAULT 0,
                    state INTEGER NOT NULL,
                    duration_ms INTEGER
                );
                CREATE INDEX review_log_card ON review_log(card_key);
                CREATE INDEX review_log_time ON review_log(reviewed_at);

                -- What was last imported from each origin ('bundled', 'user').
                CREATE TABLE import_meta (
                    origin TEXT PRIMARY KEY NOT NULL,
                    content_hash TEXT NOT NULL,
                    imported_at DATETIME NOT NULL,
                    question_count INTEGER NOT NULL
                );

                -- Full-text index over both languages. The trigram tokenizer matches any substring of three
                -- or more characters, which is what makes Chinese searchable without a word segmenter.
                -- A standalone copy rebuilt in the transaction of every import (question rows change only there).
                CREATE VIRTUAL TABLE question_fts USING fts5(
                    id, topic, tags, question_zh, question_en, answer_zh, answer_en, correction_zh, correction_en,
                    tokenize = 'trigram'
                );
                """)
        }
        return migrator
    }
}
