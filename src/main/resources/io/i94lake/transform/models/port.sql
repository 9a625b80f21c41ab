-- port: the I-94 ports of entry of the label dictionary ($i94prtl), with the city and state its label names
-- (read from the label, see source/PortLabel) and that city's id. An I-94 port code is no IATA code.
SELECT code AS port_code,
       name AS port_name,
       city,
       state_code,
       city_id(city, state_code) AS city_id,
       is_valid,
       label
FROM {{port_labels}}
