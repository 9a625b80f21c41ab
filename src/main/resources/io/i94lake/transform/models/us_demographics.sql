-- us_demographics: one row per city of the demographics file, whose rows repeat the city's figures once per race.
WITH cities AS (
  SELECT city_id(city, state_code) AS city_id, *
  FROM {{demographics}}
)
SELECT city_id,
       min(city) AS city,
       state_code,
       max(state) AS state_name,
       max(median_age) AS median_age,
       max(male_population) AS male_population,
       max(female_population) AS female_population,
       max(total_population) AS total_population,
       max(veterans) AS veterans,
       max(foreign_born) AS foreign_born,
       max(foreign_born) / max(total_population) AS foreign_born_share,
       max(avg_household_size) AS avg_household_size,
       max(CASE WHEN race = 'American Indian and Alaska Native' THEN count END) AS american_indian_alaska_native,
       max(CASE WHEN race = 'Asian' THEN count END) AS asian,
       max(CASE WHEN race = 'Black or African-American' THEN count END) AS black_african_american,
       max(CASE WHEN race = 'Hispanic or Latino' THEN count END) AS hispanic_latino,
       max(CASE WHEN race = 'White' THEN count END) AS white
FROM cities
GROUP BY city_id, state_code
