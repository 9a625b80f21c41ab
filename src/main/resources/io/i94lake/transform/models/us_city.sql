-- us_city: every US city named by demographics, airports, the temperature file or the ports, once per (city, state).
-- Its name is the demographics spelling when there is one, then the airports', the temperature file's, the ports'
-- (the least spelling of the first source, so that any run gives the same). Its coordinates are the mean of its
-- airports', else of its temperature grid cells' (to 6 decimals, 0.1 m), else unknown.
-- (Subqueries, not a WITH: Spark 4.1 fails to plan this one as common table expressions, CANNOT_MERGE_INCOMPATIBLE_DATA_TYPE.)
SELECT n.city_id,
       n.chosen.city AS city,
       n.chosen.state_code AS state_code,
       coalesce(a.latitude, g.latitude) AS latitude,
       coalesce(a.longitude, g.longitude) AS longitude,
       n.named_by
FROM (
  SELECT city_id, min(ordered(priority, city, state_code)) AS chosen, sorted_set(named_by) AS named_by
  FROM (
    SELECT city_id, city, state_code, 1 AS priority, 'demographics' AS named_by FROM {{us_demographics}}
    WHERE city_id IS NOT NULL
    UNION ALL
    SELECT city_id, city, state_code, 2 AS priority, 'airports' AS named_by FROM {{us_airport}}
    WHERE city_id IS NOT NULL
    UNION ALL
    SELECT city_id, city, state_code, 3 AS priority, 'temperatures' AS named_by FROM {{weather_cities}}
    WHERE city_id IS NOT NULL
    UNION ALL
    SELECT city_id, city, state_code, 4 AS priority, 'ports' AS named_by FROM {{port}}
    WHERE city_id IS NOT NULL
  ) names
  GROUP BY city_id
) n
LEFT JOIN (
  SELECT city_id, mean_degrees(latitude) AS latitude, mean_degrees(longitude) AS longitude
  FROM {{us_airport}} WHERE city_id IS NOT NULL GROUP BY city_id
) a ON n.city_id = a.city_id
LEFT JOIN (
  SELECT city_id, mean_degrees(latitude) AS latitude, mean_degrees(longitude) AS longitude
  FROM {{weather_cities}} WHERE city_id IS NOT NULL GROUP BY city_id
) g ON n.city_id = g.city_id
