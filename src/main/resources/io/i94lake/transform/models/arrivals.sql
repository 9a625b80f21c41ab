-- arrivals (no lake table): every column of immigration and immigrant but city_id, decoded from usable I-94 records
-- (see i94_dated); the arrival tables are projections of it.
-- dtaddto, the permit's end, is MMDDYYYY; D/S means "duration of status" (no date, duration_of_status true); an
-- unreadable value (such as 183, or year 9999) leaves allowed_until null and is kept in allowed_until_text.
-- An age outside 0..120 is no age. Travel modes and visa categories are named by the label dictionary.
WITH permits AS (
  SELECT *,
         upper(trim(dtaddto)) AS permit,
         coalesce(upper(trim(dtaddto)) = 'D/S', false) AS duration_of_status,
         CAST(whole_number(i94bir) AS INT) AS age_in_years
  FROM {{i94}}
),
decoded AS (
  SELECT *, CASE WHEN NOT duration_of_status THEN month_day_year(permit) END AS allowed_until FROM permits
),
modes AS (SELECT code, max(label) AS label FROM {{mode_labels}} GROUP BY code),
visas AS (SELECT code, max(label) AS label FROM {{visa_labels}} GROUP BY code)
SELECT whole_number(a.cicid) AS cicid,
       whole_number(a.admnum) AS admission_number,
       a.arrival_date,
       sas_date(a.depdate) AS departure_date,
       a.allowed_until,
       a.duration_of_status,
       CASE WHEN a.permit IS NOT NULL AND NOT a.duration_of_status AND a.allowed_until IS NULL THEN a.dtaddto END
         AS allowed_until_text,
       upper(trim(a.i94port)) AS port_code,
       upper(trim(a.i94addr)) AS destination_state_code,
       coalesce(m.label, 'Not reported') AS travel_mode,
       trim(a.airline) AS airline,
       trim(a.fltno) AS flight_number,
       trim(a.entdepa) AS arrival_flag,
       trim(a.entdepd) AS departure_flag,
       trim(a.entdepu) AS update_flag,
       trim(a.matflag) AS match_flag,
       CASE WHEN a.age_in_years BETWEEN 0 AND 120 THEN a.age_in_years END AS age,
       CAST(whole_number(a.biryear) AS INT) AS birth_year,
       upper(trim(a.gender)) AS gender,
       trim(a.occup) AS occupation,
       CAST(whole_number(a.i94cit) AS INT) AS citizenship_country_code,
       CAST(whole_number(a.i94res) AS INT) AS residence_country_code,
       v.label AS visa_category,
       trim(a.visatype) AS visa_type,
       trim(a.visapost) AS visa_post,
       a.year,
       a.month
FROM decoded a
LEFT JOIN modes m ON CAST(whole_number(a.i94mode) AS STRING) = m.code
LEFT JOIN visas v ON CAST(whole_number(a.i94visa) AS STRING) = v.code
