-- Closing the loop (issue 7): profile cells for fast summaries, broadcasts with per-recipient state, actions.

-- A profile cell is one distinct set of profile answers within a campaign. Participants and their submissions carry
-- the cell id, so a summary counts submissions and distinct participants per (cell, theme) over one covering index,
-- without a join and without parsing JSON; breakdowns add cells up in memory.
CREATE TABLE profile_cells (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    campaign_code TEXT NOT NULL,
    profile TEXT NOT NULL,
    UNIQUE (campaign_code, profile)
);
ALTER TABLE participants ADD COLUMN profile_cell INTEGER;
ALTER TABLE participants ADD COLUMN quote_consent INTEGER NOT NULL DEFAULT 0;
ALTER TABLE submissions ADD COLUMN profile_cell INTEGER;

INSERT OR IGNORE INTO profile_cells (campaign_code, profile)
SELECT campaign_code,
       COALESCE((SELECT json_group_object(key, value) FROM (SELECT key, value FROM json_each(participants.document, '$.profile') ORDER BY key)), '{}')
FROM participants;
UPDATE participants SET
    profile_cell = (SELECT c.id FROM profile_cells c WHERE c.campaign_code = participants.campaign_code
        AND c.profile = COALESCE((SELECT json_group_object(key, value) FROM (SELECT key, value FROM json_each(participants.document, '$.profile') ORDER BY key)), '{}')),
    quote_consent = COALESCE(json_extract(document, '$.quoteConsent'), 0);
UPDATE submissions SET profile_cell = (SELECT p.profile_cell FROM participants p WHERE p.id = submissions.participant_id);

CREATE INDEX ix_participants_profile_cell ON participants (profile_cell);
CREATE INDEX ix_submissions_summary ON submissions (campaign_code, profile_cell, theme, participant_id, received_at, label_source, confidence);

CREATE TABLE broadcasts (
    id TEXT PRIMARY KEY,
    campaign_code TEXT NOT NULL,
    status TEXT NOT NULL,
    -- The last participant id whose message was enqueued: the enqueuer resumes after it.
    cursor TEXT,
    document TEXT NOT NULL,
    version INTEGER NOT NULL
);
CREATE INDEX ix_broadcasts_status ON broadcasts (status);
CREATE INDEX ix_broadcasts_campaign ON broadcasts (campaign_code);

-- One row per participant the broadcast considered, written in the same transaction as their outbox message, so a
-- resumed enqueue never queues anyone twice.
CREATE TABLE broadcast_recipients (
    broadcast_id TEXT NOT NULL,
    participant_id TEXT NOT NULL,
    outcome TEXT NOT NULL,
    PRIMARY KEY (broadcast_id, participant_id)
) WITHOUT ROWID;
CREATE INDEX ix_broadcast_recipients_participant ON broadcast_recipients (participant_id);

CREATE TABLE broadcast_media (
    broadcast_id TEXT NOT NULL,
    name TEXT NOT NULL,
    content_type TEXT NOT NULL,
    content BLOB NOT NULL,
    PRIMARY KEY (broadcast_id, name)
);

CREATE TABLE actions (
    id TEXT PRIMARY KEY,
    campaign_code TEXT NOT NULL,
    document TEXT NOT NULL,
    version INTEGER NOT NULL
);
CREATE INDEX ix_actions_campaign ON actions (campaign_code);
