CREATE TABLE theme_models (
    version TEXT PRIMARY KEY,
    created_at TEXT NOT NULL,
    promoted_at TEXT,
    document TEXT NOT NULL,
    model BLOB NOT NULL
);
CREATE INDEX ix_theme_models_promoted ON theme_models (promoted_at);
CREATE INDEX ix_submissions_label_source ON submissions (label_source);
