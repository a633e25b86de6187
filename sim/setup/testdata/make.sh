#!/usr/bin/env bash
# Makes pop.tif with GDAL (Debian's gdal-bin): a WorldPop-like population grid, 10 x 10 pixels of
# 0.01 degree from lon 112.57, lat 28.09 (top-left), EPSG:4326, Float32, Deflate, nodata -99999.
# Pixel (col, row) holds 10*col + row + 1 people; the last row is nodata.
set -euo pipefail
cd "$(dirname "$0")"
python3 - <<'PY'
with open("pop.asc", "w") as f:
    f.write("ncols 10\nnrows 10\nxllcorner 112.57\nyllcorner 27.99\ncellsize 0.01\nNODATA_value -99999\n")
    for r in range(10):
        f.write(" ".join("-99999" if r == 9 else str(10*c + r + 1) for c in range(10)) + "\n")
PY
gdal_translate -q -a_srs EPSG:4326 -ot Float32 -co COMPRESS=DEFLATE pop.asc pop.tif
rm -f pop.asc pop.prj pop.tif.aux.xml
