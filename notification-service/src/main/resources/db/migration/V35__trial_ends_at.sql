-- Issue 21: TRIAL_ENDING goes out seven days before a trial ends, so the local copy keeps trialEndsAt.
ALTER TABLE subscription_copy ADD COLUMN trial_ends_at TIMESTAMPTZ;
