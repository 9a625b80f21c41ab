-- immigrant: the person of each I-94 arrival record, partitioned like immigration: age, birth year, gender,
-- occupation, countries of citizenship and residence, and visa.
SELECT cicid, admission_number, age, birth_year, gender, occupation, citizenship_country_code,
       residence_country_code, visa_category, visa_type, visa_post, year, month
FROM {{arrivals}}
