CREATE TABLE campaigns (
    code TEXT PRIMARY KEY,
    document TEXT NOT NULL,
    version INTEGER NOT NULL
);
CREATE TABLE participants (
    id TEXT PRIMARY KEY,
    channel TEXT NOT NULL,
    channel_user_id TEXT NOT NULL,
    conversation_id TEXT NOT NULL,
    campaign_code TEXT NOT NULL,
    opted_out INTEGER NOT NULL,
    unreachable INTEGER NOT NULL,
    document TEXT NOT NULL,
    version INTEGER NOT NULL,
    UNIQUE (channel, channel_user_id)
);
CREATE INDEX ix_participants_campaign ON participants (campaign_code);
CREATE INDEX ix_participants_conversation ON participants (channel, conversation_id);
CREATE TABLE submissions (
    id TEXT PRIMARY KEY,
    participant_id TEXT NOT NULL,
    campaign_code TEXT NOT NULL,
    channel TEXT NOT NULL,
    source TEXT NOT NULL,
    language TEXT NOT NULL,
    received_at TEXT NOT NULL,
    theme TEXT,
    confidence REAL,
    label_source TEXT NOT NULL,
    needs_review INTEGER NOT NULL,
    channel_message_key TEXT,
    document TEXT NOT NULL,
    version INTEGER NOT NULL
);
CREATE INDEX ix_submissions_campaign ON submissions (campaign_code, received_at);
CREATE INDEX ix_submissions_participant ON submissions (participant_id);
CREATE TABLE conversation_states (
    channel TEXT NOT NULL,
    conversation_id TEXT NOT NULL,
    document TEXT NOT NULL,
    version INTEGER NOT NULL,
    PRIMARY KEY (channel, conversation_id)
);
CREATE TABLE inbox (
    sequence INTEGER PRIMARY KEY AUTOINCREMENT,
    channel TEXT NOT NULL,
    update_key TEXT NOT NULL,
    conversation_id TEXT,
    payload TEXT,
    received_at TEXT NOT NULL,
    processed_at TEXT,
    attempts INTEGER NOT NULL DEFAULT 0,
    last_error TEXT,
    UNIQUE (channel, update_key)
);
CREATE INDEX ix_inbox_pending ON inbox (processed_at, sequence);
CREATE TABLE outbox (
    sequence INTEGER PRIMARY KEY AUTOINCREMENT,
    channel TEXT NOT NULL,
    conversation_id TEXT NOT NULL,
    payload TEXT NOT NULL,
    created_at TEXT NOT NULL,
    not_before TEXT,
    sent_at TEXT,
    failed_at TEXT,
    attempts INTEGER NOT NULL DEFAULT 0,
    last_error TEXT,
    group_key TEXT
);
CREATE INDEX ix_outbox_pending ON outbox (channel, sent_at, failed_at, sequence);
CREATE INDEX ix_outbox_conversation ON outbox (channel, conversation_id);
CREATE INDEX ix_outbox_group ON outbox (group_key);
