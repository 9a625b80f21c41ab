-- i94_dated (no lake table): each raw I-94 record with its arrival date (arrdate is a SAS day number, days since
-- 1960-01-01: 20545 is 2016-04-01), the year and month it belongs to (of its arrival, else its i94yr and i94mon),
-- and why it cannot be used (no cicid, no readable arrival date), written only for such records.
WITH dated AS (
  SELECT *, sas_date(arrdate) AS arrival_date FROM {{i94}}
)
SELECT *,
       coalesce(CAST(year(arrival_date) AS INT), CAST(whole_number(i94yr) AS INT)) AS year,
       coalesce(CAST(month(arrival_date) AS INT), CAST(whole_number(i94mon) AS INT)) AS month,
       CASE WHEN cicid IS NULL OR whole_number(cicid) IS NULL OR arrival_date IS NULL THEN concat_ws('; ',
         CASE WHEN cicid IS NULL THEN 'cicid is empty' END,
         CASE WHEN cicid IS NOT NULL AND whole_number(cicid) IS NULL
              THEN 'cicid ''' || number_text(cicid) || ''' is not a whole number' END,
         CASE WHEN arrdate IS NULL THEN 'arrdate is empty' END,
         CASE WHEN arrdate IS NOT NULL AND arrival_date IS NULL
              THEN 'arrdate ''' || number_text(arrdate) || ''' is not a SAS day number' END) END AS unusable_because
FROM dated
