-- AlterTable
ALTER TABLE "AuditLog" ADD COLUMN     "hash" TEXT,
ADD COLUMN     "prevHash" TEXT;

-- The hash of an audit row: sha256 over the previous row's hash and the row's fields, each quoted (or
-- NULL) so no two rows read alike. jsonb's text form is canonical (keys sorted), and the time is
-- formatted explicitly, so the hash does not depend on session settings.
CREATE FUNCTION "audit_row_hash"(prev TEXT, id BIGINT, at TIMESTAMP, actor TEXT, action TEXT, entity_type TEXT, entity_id TEXT, organization_id TEXT, data JSONB)
RETURNS TEXT LANGUAGE sql STABLE AS $$
  SELECT encode(sha256(convert_to(concat_ws(',', quote_nullable(prev), id::text, quote_literal(to_char(at, 'YYYY-MM-DD"T"HH24:MI:SS.US')),
    quote_nullable(actor), quote_literal(action), quote_literal(entity_type), quote_literal(entity_id), quote_nullable(organization_id),
    quote_nullable(data::text)), 'UTF8')), 'hex')
$$;

-- The rows already written, chained in id order (the append-only trigger stands aside for this once).
ALTER TABLE "AuditLog" DISABLE TRIGGER "AuditLog_append_only";
DO $$
DECLARE
  r RECORD;
  last TEXT := NULL;
BEGIN
  FOR r IN SELECT * FROM "AuditLog" ORDER BY id LOOP
    UPDATE "AuditLog" SET "prevHash" = last,
           hash = "audit_row_hash"(last, r.id, r.at, r."actorId", r.action, r."entityType", r."entityId", r."organizationId", r.data)
     WHERE id = r.id RETURNING hash INTO last;
  END LOOP;
END $$;
ALTER TABLE "AuditLog" ENABLE TRIGGER "AuditLog_append_only";

-- Every new row joins the chain. One chain for the whole log: writers take turns from here until their
-- transaction ends (an advisory lock), and the row's id is drawn in that turn, so id order is chain
-- order and two transactions never chain to the same row.
CREATE FUNCTION "audit_log_chain"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  last TEXT;
BEGIN
  PERFORM pg_advisory_xact_lock(7305411);
  NEW.id := nextval(pg_get_serial_sequence('"AuditLog"', 'id'));
  SELECT hash INTO last FROM "AuditLog" ORDER BY id DESC LIMIT 1;
  NEW."prevHash" := last;
  NEW.hash := "audit_row_hash"(last, NEW.id, NEW.at, NEW."actorId", NEW.action, NEW."entityType", NEW."entityId", NEW."organizationId", NEW.data);
  RETURN NEW;
END $$;
CREATE TRIGGER "AuditLog_chain" BEFORE INSERT ON "AuditLog" FOR EACH ROW EXECUTE FUNCTION "audit_log_chain"();
