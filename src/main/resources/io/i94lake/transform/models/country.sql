-- country: the countries of citizenship and residence of the label dictionary (i94cntyl). is_valid is false for
-- its INVALID:, No Country Code and Collapsed entries.
SELECT TRY_CAST(code AS INT) AS country_code,
       name AS country_name,
       NOT matches(label, '(?i)^(INVALID|No Country Code|Collapsed)') AS is_valid,
       label
FROM {{country_labels}}
