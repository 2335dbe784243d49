-- The commune policies of V18_3 read the request's communes once per statement, not once per row.
--
-- petition_commune_visible(commune) is inlined into each query as
-- commune = ANY (CAST(current_setting('petition.communes') AS varchar[])), which PostgreSQL evaluates
-- for every row it filters: for a province's hundred communes, parsing an array of a hundred codes
-- per row, some fifteen microseconds each (docs/BENCHMARKS.md). Stated with a sub-select, the array is
-- an InitPlan, computed once per statement (the cast keeps ANY to an array: ANY of a bare sub-select
-- would compare with each of its rows).

-- The communes the current request may see (null when it set none: it then sees nothing).
CREATE FUNCTION petition_visible_communes() RETURNS VARCHAR[]
    LANGUAGE sql STABLE PARALLEL SAFE AS $$
    SELECT CAST(NULLIF(current_setting('petition.communes', true), '') AS varchar[])
$$;

ALTER POLICY commune ON petition_view USING (commune = ANY (CAST((SELECT petition_visible_communes()) AS VARCHAR[])));
ALTER POLICY commune ON count_petition USING (commune = ANY (CAST((SELECT petition_visible_communes()) AS VARCHAR[])));
ALTER POLICY commune ON count_mediation USING (commune = ANY (CAST((SELECT petition_visible_communes()) AS VARCHAR[])));
ALTER POLICY commune ON count_fact USING (commune = ANY (CAST((SELECT petition_visible_communes()) AS VARCHAR[])));
ALTER POLICY commune ON count_bucket_key USING (commune = ANY (CAST((SELECT petition_visible_communes()) AS VARCHAR[])));
ALTER POLICY commune ON count_bucket USING (commune = ANY (CAST((SELECT petition_visible_communes()) AS VARCHAR[])));
ALTER POLICY commune ON reception_session USING (commune = ANY (CAST((SELECT petition_visible_communes()) AS VARCHAR[])));
ALTER POLICY commune ON reception_visit USING (commune = ANY (CAST((SELECT petition_visible_communes()) AS VARCHAR[])));
ALTER POLICY commune ON one_stop_dossier USING (commune = ANY (CAST((SELECT petition_visible_communes()) AS VARCHAR[])));

DROP FUNCTION petition_commune_visible(VARCHAR);
