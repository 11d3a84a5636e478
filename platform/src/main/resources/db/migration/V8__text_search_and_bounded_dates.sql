-- A patient's dates newest first, now also carrying each row's lower bound: a search that sorts by a date and
-- is bounded by it ("older than", as a timeline's next page asks) tests the bound in the index, without
-- reading the table, while it walks.
CREATE INDEX sp_date_comp_bounded ON sp_date (comp, p, hi DESC, pk) INCLUDE (lo) WHERE comp IS NOT NULL;
DROP INDEX sp_date_comp;

-- _content and _text: each resource's words (and its narrative's), one row per patient compartment like the
-- other index tables. The words are split and folded by the application (SearchableText), not the database,
-- so pages can mark exactly what a search found; searches match words by prefix.
CREATE TABLE sp_text (
    pk        bigint   NOT NULL,
    comp      bigint,
    narrative boolean  NOT NULL,
    doc       tsvector NOT NULL
);
CREATE INDEX sp_text_words ON sp_text USING gin (doc);
CREATE INDEX sp_text_comp ON sp_text (comp, narrative) WHERE comp IS NOT NULL;
CREATE INDEX sp_text_pk ON sp_text (pk);
