-- A migration slower than the bounds MigrationBoundsTest gives its connections (MigrationBoundsTest).
SELECT pg_sleep(1.5);
