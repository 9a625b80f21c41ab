-- The destinations most chosen by students: arrivals per state, with its latest weather and demographics
WITH students AS (
  SELECT i.destination_state_code AS state_code, count(*) AS students
  FROM immigration i
  JOIN immigrant p ON p.cicid = i.cicid AND p.year = i.year AND p.month = i.month
  WHERE p.visa_category = 'Student'
  GROUP BY i.destination_state_code
),
state_weather AS (
  SELECT state_code, round(avg(avg_temp_c), 1) AS avg_temp_c, max(measured_on) AS measured_on
  FROM us_weather
  GROUP BY state_code
),
state_people AS (
  SELECT state_code, sum(total_population) AS population, sum(foreign_born) AS foreign_born,
         round(sum(median_age * total_population) / sum(total_population), 1) AS median_age
  FROM us_demographics
  GROUP BY state_code
)
SELECT s.state_code, st.state_name, s.students, w.avg_temp_c, w.measured_on, d.population,
       round(d.foreign_born / d.population, 3) AS foreign_born_share, d.median_age
FROM students s
JOIN us_state st ON st.state_code = s.state_code
LEFT JOIN state_weather w ON w.state_code = s.state_code
LEFT JOIN state_people d ON d.state_code = s.state_code
ORDER BY s.students DESC, s.state_code
LIMIT 10
