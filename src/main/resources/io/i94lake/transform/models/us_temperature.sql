-- us_temperature: the monthly temperatures of each US city of the temperature file over the last three years it was
-- measured (the 36 months up to its latest measure), for a destination's chart; its state from weather_cities. Of
-- two places of one city measured the same month, the first by latitude, longitude and name. One row per city and
-- month; key city_id, measured_on.
WITH measured AS (
  SELECT w.city_id, t.city, w.state_code, t.measured_on, t.avg_temp_c, t.temp_uncertainty_c,
         row_number() OVER (PARTITION BY w.city_id, t.measured_on ORDER BY t.latitude, t.longitude, t.city) AS place_rank
  FROM {{temperatures}} t
  JOIN {{weather_cities}} w ON t.city = w.city AND t.latitude = w.latitude AND t.longitude = w.longitude
  WHERE t.country = 'United States' AND t.avg_temp_c IS NOT NULL AND t.measured_on IS NOT NULL
),
latest AS (
  SELECT city_id, max(year(measured_on) * 12 + month(measured_on)) AS last_month FROM measured GROUP BY city_id
)
SELECT m.city_id, m.city, m.state_code, m.measured_on, m.avg_temp_c, m.temp_uncertainty_c
FROM measured m
JOIN latest l ON m.city_id = l.city_id
WHERE m.place_rank = 1 AND year(m.measured_on) * 12 + month(m.measured_on) > l.last_month - 36
