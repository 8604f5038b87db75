-- Who wrote a scenario, as one identity: token names repeat. Scenarios written before have
-- none: among scoped planners, one naming no unit is then no one's (see src/scenarios/reveals.ts).
ALTER TABLE "scenario" ADD COLUMN "author" text;
