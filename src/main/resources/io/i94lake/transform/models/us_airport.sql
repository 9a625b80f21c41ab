-- us_airport: the airports in a state, DC or territory of us_state, latitude and longitude the right way round (the
-- source writes "longitude, latitude"). A state is the region of country US (US-PA); a territory has its own
-- country code, the same as its postal code (PR, GU, VI, AS, MP). Other countries are no US place, even where their
-- code is a state's (CA is Canada, DE Germany).
WITH placed AS (
  SELECT *,
         CASE WHEN upper(iso_country) = 'US' THEN upper(split_part(iso_region, '-', -1))
              WHEN upper(iso_country) IN ('PR', 'GU', 'VI', 'AS', 'MP') THEN upper(iso_country) END AS region_code
  FROM {{airports}}
)
SELECT a.ident AS airport_id,
       a.name,
       a.type,
       a.iata_code,
       CASE WHEN matches(a.gps_code, '^[A-Z]{4}$') THEN a.gps_code END AS icao_code,
       a.gps_code,
       a.local_code,
       a.elevation_ft,
       a.municipality AS city,
       city_id(a.municipality, s.state_code) AS city_id,
       s.state_code,
       a.latitude,
       a.longitude
FROM placed a
JOIN {{us_state}} s ON a.region_code = s.state_code
