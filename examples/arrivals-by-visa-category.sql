-- Arrivals by visa category and month
SELECT p.year, p.month, p.visa_category, count(*) AS arrivals
FROM immigrant p
GROUP BY p.year, p.month, p.visa_category
ORDER BY p.year, p.month, arrivals DESC
