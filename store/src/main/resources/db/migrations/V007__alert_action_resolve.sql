-- A person may now resolve an alert by hand (it closes the episode for people; if the condition still holds the
-- job opens a new episode after its for-duration). Adding an Enum8 value changes metadata only.
ALTER TABLE ${db}.alert_actions MODIFY COLUMN action Enum8('acknowledge' = 1, 'assign' = 2, 'comment' = 3, 'silence' = 4, 'escalate' = 5, 'resolve' = 6);
