-- airport_weather: each US airport with its state's name and the latest monthly temperature of its city (null where
-- the temperature file has no such city).
SELECT a.airport_id, a.name, a.type, a.iata_code, a.icao_code, a.city_id, a.city, a.state_code, s.state_name,
       a.latitude, a.longitude, a.elevation_ft, w.measured_on, w.avg_temp_c, w.temp_uncertainty_c
FROM {{us_airport}} a
LEFT JOIN {{us_state}} s ON a.state_code = s.state_code
LEFT JOIN {{us_weather}} w ON a.city_id = w.city_id
