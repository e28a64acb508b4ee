-- The dashboard's overview (issue 8): inputs and distinct participants per day or week, and inputs per channel and
-- language, for a period. The index covers those queries, so a period of a million-submission campaign is one range
-- scan of the index and never touches the table (ix_submissions_campaign would need a row lookup per submission).
CREATE INDEX ix_submissions_activity ON submissions (campaign_code, received_at, participant_id, channel, language);
