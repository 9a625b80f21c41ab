-- The ten busiest ports of entry, with their city and state
SELECT i.port_code, p.city, p.state_code, count(*) AS arrivals
FROM immigration i
JOIN port p ON p.port_code = i.port_code
GROUP BY i.port_code, p.city, p.state_code
ORDER BY arrivals DESC, i.port_code
LIMIT 10
