-- us_weather: the latest monthly temperature of each US city of the temperature file (its state from
-- weather_cities); of two places of one city measured the same month, the first by latitude, longitude and name.
WITH measured AS (
  SELECT w.city_id, t.city, w.state_code, t.measured_on, t.avg_temp_c, t.temp_uncertainty_c, t.latitude, t.longitude,
         w.resolved_by,
         row_number() OVER (PARTITION BY w.city_id
                            ORDER BY t.measured_on DESC NULLS LAST, t.latitude, t.longitude, t.city) AS latest
  FROM {{temperatures}} t
  JOIN {{weather_cities}} w ON t.city = w.city AND t.latitude = w.latitude AND t.longitude = w.longitude
  WHERE t.country = 'United States' AND t.avg_temp_c IS NOT NULL
)
SELECT city_id, city, state_code, measured_on, avg_temp_c, temp_uncertainty_c, latitude, longitude, resolved_by
FROM measured
WHERE latest = 1
