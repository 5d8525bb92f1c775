-- The audit trail is append-only: refuse UPDATE and DELETE at the database level, so that even a
-- bug in the application cannot rewrite history. (A database owner can still disable the trigger;
-- the hash chain is what proves such tampering — `outsight audit verify`.)
CREATE OR REPLACE FUNCTION audit_events_append_only() RETURNS trigger AS $$
BEGIN
  RAISE EXCEPTION 'audit_events is append-only';
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER audit_events_no_update BEFORE UPDATE OR DELETE ON audit_events
  FOR EACH ROW EXECUTE FUNCTION audit_events_append_only();
