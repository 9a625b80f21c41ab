-- us_state: the US states, DC and territories of the label dictionary (i94addrl) but its catch-all code 99,
-- named as the demographics file names them, else as the dictionary spells them ("N. CAROLINA" -> North Carolina).
SELECT s.code AS state_code,
       coalesce(d.state_name, s.name) AS state_name,
       s.label
FROM {{state_labels}} s
LEFT JOIN (SELECT state_code, max(state) AS state_name FROM {{demographics}} GROUP BY state_code) d
  ON s.code = d.state_code
WHERE s.code <> '99'
