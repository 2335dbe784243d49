-- One sequence per year of receipt for the human reference numbers: nextval never waits for another
-- transaction, so receipts do not queue behind a counter row. Years 2000 to 2100 (a petition is
-- never dated in the future, and the service refuses receipts dated before 2000).
DO $$
DECLARE
    y INTEGER;
    last_used INTEGER;
BEGIN
    FOR y IN 2000..2100 LOOP
        EXECUTE format('CREATE SEQUENCE petition_reference_%s MINVALUE 1', y);
        SELECT last INTO last_used FROM petition_reference WHERE year = y;
        IF last_used IS NOT NULL THEN
            EXECUTE format('SELECT setval(%L, %s)', 'petition_reference_' || y, last_used);
        END IF;
    END LOOP;
END $$;

DROP TABLE petition_reference;
