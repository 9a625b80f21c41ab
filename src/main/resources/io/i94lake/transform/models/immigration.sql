-- immigration: one row per I-94 arrival record, partitioned by year and month of arrival: when and where a person
-- arrived, how, until when they may stay and whether they left; the city of its port of entry.
SELECT a.cicid, a.admission_number, a.arrival_date, a.departure_date, a.allowed_until, a.duration_of_status,
       a.allowed_until_text, a.port_code, p.city_id, a.destination_state_code, a.travel_mode, a.airline,
       a.flight_number, a.arrival_flag, a.departure_flag, a.update_flag, a.match_flag, a.year, a.month
FROM {{arrivals}} a
LEFT JOIN {{port}} p ON a.port_code = p.port_code
