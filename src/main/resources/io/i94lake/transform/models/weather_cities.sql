-- weather_cities (no lake table): the state of each US place (city, latitude, longitude) of the temperature file,
-- which names no state. A place named like known cities (of demographics or airports) takes the state of the
-- nearest of them, placed at its airports or else at the centre of its state's airports; a place named like no known
-- city takes the state of the nearest airport. So the two Arlingtons (TX and VA) stay two cities.
WITH places AS (
  SELECT DISTINCT city, latitude, longitude FROM {{temperatures}} WHERE country = 'United States'
),
located AS (
  SELECT * FROM {{us_airport}} WHERE latitude IS NOT NULL
),
state_centres AS (
  SELECT state_code, mean_degrees(latitude) AS latitude, mean_degrees(longitude) AS longitude FROM located GROUP BY state_code
),
airport_cities AS (
  SELECT city_id, mean_degrees(latitude) AS latitude, mean_degrees(longitude) AS longitude
  FROM located WHERE city_id IS NOT NULL GROUP BY city_id
),
known_cities AS (
  SELECT normalized_name(k.city) AS name_key,
         k.state_code,
         coalesce(c.latitude, s.latitude) AS latitude,
         coalesce(c.longitude, s.longitude) AS longitude
  FROM (SELECT city_id, city, state_code FROM {{us_demographics}}
        UNION ALL
        SELECT city_id, city, state_code FROM {{us_airport}} WHERE city_id IS NOT NULL) k
  LEFT JOIN airport_cities c ON k.city_id = c.city_id
  LEFT JOIN state_centres s ON k.state_code = s.state_code
),
candidates AS (
  SELECT p.city, p.latitude, p.longitude, 0 AS match_rank, k.state_code AS candidate_state,
         distance_km(p.latitude, p.longitude, k.latitude, k.longitude) AS distance
  FROM places p JOIN known_cities k ON normalized_name(p.city) = k.name_key
  WHERE k.latitude IS NOT NULL
  UNION ALL
  SELECT p.city, p.latitude, p.longitude, 1 AS match_rank, a.state_code AS candidate_state,
         distance_km(p.latitude, p.longitude, a.latitude, a.longitude) AS distance
  FROM places p CROSS JOIN located a
),
-- the least (match, distance, state) of each place: an aggregate, not a window, so that the place-by-airport pairs
-- (tens of thousands of airports) are reduced as they come instead of sorted
best AS (
  SELECT city, latitude, longitude, min(ordered(match_rank, distance, candidate_state)) AS nearest
  FROM candidates GROUP BY city, latitude, longitude
)
SELECT city, latitude, longitude,
       nearest.candidate_state AS state_code,
       city_id(city, nearest.candidate_state) AS city_id,
       CASE WHEN nearest.match_rank = 0 THEN 'same-named city' ELSE 'nearest airport' END AS resolved_by
FROM best
