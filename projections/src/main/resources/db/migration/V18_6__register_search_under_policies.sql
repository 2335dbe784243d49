-- The register's search by words under the commune policies (V18_3).
--
-- A policy's condition is applied before any condition of the query whose operator is not leakproof,
-- and the full-text match (@@) is not: under the policies the words' GIN indexes of V13_1 went
-- unused, and a search for words that few petitions hold read and folded every row of the request's
-- communes (2.1 s at 272,701 petitions, where the indexes took under a millisecond). The search runs
-- here instead, as the tables' owner, through the indexes, and gives only ids: the register reads the
-- petitions of those ids by key, under the policies as before, so a commune still sees its own rows
-- alone whatever this returns (PetitionViewQueries.registerWhere).
--
-- The ids of the petitions whose reference is `words`, or whose summary has all its words (folded), or,
-- for the kinds in `name_kinds`, whose petitioners' names have them; among `communes` (every commune
-- when null: the policies of the reading query then decide).
CREATE FUNCTION petition_view_matching(words TEXT, name_kinds VARCHAR[], communes VARCHAR[])
    RETURNS SETOF VARCHAR
    LANGUAGE sql STABLE SECURITY DEFINER
    SET search_path = ${flyway:defaultSchema}, pg_temp AS $$
    SELECT id FROM petition_view
     WHERE (reference = words
            OR to_tsvector('simple', petition_fold(summary)) @@ plainto_tsquery('simple', petition_fold(words))
            OR (kind = ANY (name_kinds)
                AND to_tsvector('simple', petition_names(petitioners)) @@ plainto_tsquery('simple', petition_fold(words))))
       AND (communes IS NULL OR commune = ANY (communes))
$$;
