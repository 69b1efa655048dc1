-- Per cell, its members not LEFT and the probationary among them ("MemberTally"), kept by triggers on
-- "Member" so that every writer (the app, the seed, an import) keeps them exact in the same transaction
-- as the change. The units' counts (countUnits in lib/data/organizations.ts: the tree, a unit's page)
-- sum these rows up the closure table, a few thousand for a province, instead of reading its 300,000
-- members on every request. A restore (scripts/db-backup.mjs, triggers off) brings the table back as
-- it was backed up.

-- CreateTable
CREATE TABLE "MemberTally" (
    "cellId" TEXT NOT NULL,
    "members" INTEGER NOT NULL DEFAULT 0,
    "probationary" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "MemberTally_pkey" PRIMARY KEY ("cellId")
);

-- AddForeignKey
ALTER TABLE "MemberTally" ADD CONSTRAINT "MemberTally_cellId_fkey" FOREIGN KEY ("cellId") REFERENCES "Organization"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- One statement's changes as counts per cell: inserted rows add, deleted rows subtract, an update
-- subtracts the old row and adds the new one. A cell whose counts did not move (an edit of a post, a
-- version bump) takes no lock at all; the others are written in key order, so two statements never wait
-- on each other in a cycle.
CREATE FUNCTION "MemberTally_apply"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO "MemberTally" ("cellId", "members", "probationary")
    SELECT n."cellId", count(*)::int, (count(*) FILTER (WHERE n."officialOn" IS NULL))::int
      FROM new_rows n WHERE n.status <> 'LEFT' GROUP BY 1 ORDER BY 1
    ON CONFLICT ("cellId") DO UPDATE SET
      "members" = "MemberTally"."members" + EXCLUDED."members",
      "probationary" = "MemberTally"."probationary" + EXCLUDED."probationary";
  ELSIF TG_OP = 'UPDATE' THEN
    INSERT INTO "MemberTally" ("cellId", "members", "probationary")
    SELECT d."cellId", sum(d.members)::int, sum(d.probationary)::int
      FROM (SELECT n."cellId", 1 AS members, (n."officialOn" IS NULL)::int AS probationary FROM new_rows n WHERE n.status <> 'LEFT'
            UNION ALL
            SELECT o."cellId", -1, -((o."officialOn" IS NULL)::int) FROM old_rows o WHERE o.status <> 'LEFT') d
     GROUP BY 1 HAVING sum(d.members) <> 0 OR sum(d.probationary) <> 0 ORDER BY 1
    ON CONFLICT ("cellId") DO UPDATE SET
      "members" = "MemberTally"."members" + EXCLUDED."members",
      "probationary" = "MemberTally"."probationary" + EXCLUDED."probationary";
  ELSE
    UPDATE "MemberTally" t SET "members" = t."members" - d.members, "probationary" = t."probationary" - d.probationary
      FROM (SELECT o."cellId", count(*)::int AS members, (count(*) FILTER (WHERE o."officialOn" IS NULL))::int AS probationary
              FROM old_rows o WHERE o.status <> 'LEFT' GROUP BY 1 ORDER BY 1) d
     WHERE t."cellId" = d."cellId";
  END IF;
  RETURN NULL;
END
$$;

CREATE FUNCTION "MemberTally_truncate"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  TRUNCATE "MemberTally";
  RETURN NULL;
END
$$;

CREATE TRIGGER "MemberTally_insert" AFTER INSERT ON "Member"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "MemberTally_apply"();
CREATE TRIGGER "MemberTally_update" AFTER UPDATE ON "Member"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "MemberTally_apply"();
CREATE TRIGGER "MemberTally_delete" AFTER DELETE ON "Member"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "MemberTally_apply"();
CREATE TRIGGER "MemberTally_truncate" AFTER TRUNCATE ON "Member"
  FOR EACH STATEMENT EXECUTE FUNCTION "MemberTally_truncate"();

-- The counts of the members already there.
INSERT INTO "MemberTally" ("cellId", "members", "probationary")
SELECT m."cellId", count(*)::int, (count(*) FILTER (WHERE m."officialOn" IS NULL))::int
  FROM "Member" m WHERE m.status <> 'LEFT' GROUP BY 1;
