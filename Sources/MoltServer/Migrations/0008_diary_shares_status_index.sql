-- Spec §2 indexes diary_shares on status alone as well: network-wide listings by status (pending
-- invitations across every diary, for operators) read it; (shared_with, status) serves the per-agent ones.
CREATE INDEX diary_shares_status_idx ON diary_shares (status);
