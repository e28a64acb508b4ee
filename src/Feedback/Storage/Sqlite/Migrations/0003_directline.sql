-- Direct Line 3.0: conversations (who owns them, the last sequence handed out) and the per-conversation activity log
-- that clients read from a watermark. Sequences live on the conversation row so they never restart, not even after
-- an erasure emptied the log.
CREATE TABLE directline_conversations (
    conversation_id TEXT PRIMARY KEY,
    user_id TEXT NOT NULL,
    last_sequence INTEGER NOT NULL DEFAULT 0,
    created_at TEXT NOT NULL,
    document TEXT NOT NULL
);
CREATE TABLE directline_activities (
    conversation_id TEXT NOT NULL,
    sequence INTEGER NOT NULL,
    source_key TEXT NOT NULL,
    created_at TEXT NOT NULL,
    document TEXT NOT NULL,
    PRIMARY KEY (conversation_id, sequence),
    UNIQUE (conversation_id, source_key)
);
CREATE INDEX ix_directline_activities_created ON directline_activities (created_at);
CREATE TABLE directline_settings (
    name TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
