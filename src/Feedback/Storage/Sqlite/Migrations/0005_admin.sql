-- Staff accounts, API keys (hashed), the audit log, installation secrets, and reviewers' labels for agreement.
CREATE TABLE staff_accounts (
    user_name TEXT PRIMARY KEY,
    document TEXT NOT NULL,
    version INTEGER NOT NULL
);
CREATE TABLE api_keys (
    id TEXT PRIMARY KEY,
    key_hash TEXT NOT NULL UNIQUE,
    document TEXT NOT NULL,
    version INTEGER NOT NULL
);
CREATE TABLE audit_log (
    sequence INTEGER PRIMARY KEY AUTOINCREMENT,
    at TEXT NOT NULL,
    actor TEXT NOT NULL,
    action TEXT NOT NULL,
    target TEXT NOT NULL,
    details TEXT
);
CREATE INDEX ix_audit_target ON audit_log (target, sequence);
CREATE TABLE admin_secrets (
    name TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
CREATE TABLE reviews (
    sequence INTEGER PRIMARY KEY AUTOINCREMENT,
    submission_id TEXT NOT NULL,
    campaign_code TEXT NOT NULL,
    second_review INTEGER NOT NULL,
    document TEXT NOT NULL
);
CREATE INDEX ix_reviews_submission ON reviews (submission_id);
CREATE INDEX ix_reviews_campaign ON reviews (campaign_code, second_review);
CREATE INDEX ix_submissions_review ON submissions (campaign_code, needs_review, confidence);
CREATE INDEX ix_submissions_theme ON submissions (campaign_code, theme);
