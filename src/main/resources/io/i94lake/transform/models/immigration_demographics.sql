-- immigration_demographics: each arrival with its visa, travel mode, countries by name, and its destination state's
-- demographics: the population and foreign-born of the state's cities in the demographics file and their
-- population-weighted median age. Sums are whole numbers (ages in hundredths of a year), so that any engine and any
-- order of the rows give the same value.
WITH states AS (
  SELECT state_code,
         sum(total_population) AS state_population,
         sum(foreign_born) AS state_foreign_born,
         sum(CAST(round(median_age * 100) AS BIGINT) * total_population) AS age_weight,
         sum(CASE WHEN median_age IS NOT NULL THEN total_population END) AS aged_population
  FROM {{us_demographics}}
  GROUP BY state_code
)
SELECT a.cicid, a.arrival_date, a.port_code, a.travel_mode, a.visa_category, a.visa_type, a.age, a.gender,
       a.citizenship_country_code, c.country_name AS citizenship_country,
       a.residence_country_code, r.country_name AS residence_country,
       a.destination_state_code, s.state_name AS destination_state,
       d.state_population, d.state_foreign_born,
       d.state_foreign_born / d.state_population AS state_foreign_born_share,
       CAST(d.age_weight AS DOUBLE) / CAST(d.aged_population * 100 AS DOUBLE) AS state_median_age,
       a.year, a.month
FROM {{arrivals}} a
LEFT JOIN {{us_state}} s ON a.destination_state_code = s.state_code
LEFT JOIN states d ON a.destination_state_code = d.state_code
LEFT JOIN {{country}} c ON a.citizenship_country_code = c.country_code
LEFT JOIN {{country}} r ON a.residence_country_code = r.country_code
