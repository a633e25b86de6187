#!/usr/bin/env bash
# Makes the GeoTIFF fixtures with GDAL (Debian's gdal-bin), from one ASCII grid whose
# values follow a formula the tests know: value(col, row) = ((7*col + 13*row) % 50) / 4,
# nodata (-99999) where (col + row) % 17 == 0; 120 x 80 pixels of 0.01 degree from
# lon 112.0, lat 28.5 (top-left corner), EPSG:4326.
set -euo pipefail
cd "$(dirname "$0")"
python3 - <<'PY'
w, h = 120, 80
with open("grid.asc", "w") as f:
    f.write(f"ncols {w}\nnrows {h}\nxllcorner 112.0\nyllcorner {28.5 - h*0.01:.2f}\ncellsize 0.01\nNODATA_value -99999\n")
    for r in range(h):
        f.write(" ".join("-99999" if (c + r) % 17 == 0 else repr(((7*c + 13*r) % 50) / 4) for c in range(w)) + "\n")
PY
t() { gdal_translate -q -a_srs EPSG:4326 "$@"; }
t -ot Float32 grid.asc f32_strips.tif -co BLOCKYSIZE=7
t -ot Float32 grid.asc f32_deflate_pred3_tiled.tif -co COMPRESS=DEFLATE -co PREDICTOR=3 -co TILED=YES -co BLOCKXSIZE=32 -co BLOCKYSIZE=32
t -ot Float32 grid.asc f32_lzw_pred2_big_endian.tif -co COMPRESS=LZW -co PREDICTOR=2 -co ENDIANNESS=BIG -co BLOCKYSIZE=9
t -ot Float64 grid.asc f64_deflate_pred3_bigtiff.tif -co COMPRESS=DEFLATE -co PREDICTOR=3 -co BIGTIFF=YES -co TILED=YES -co BLOCKXSIZE=16 -co BLOCKYSIZE=16
t -ot Int16 grid.asc i16_lzw_pred2.tif -co COMPRESS=LZW -co PREDICTOR=2 -scale 0 12.25 0 49 -a_nodata -32768
t -ot Int32 grid.asc i32_deflate_big_endian.tif -co COMPRESS=DEFLATE -co ENDIANNESS=BIG -scale 0 12.25 0 49 -a_nodata -32768
t -ot UInt16 grid.asc u16_bigtiff_tiled.tif -co BIGTIFF=YES -co TILED=YES -co BLOCKXSIZE=48 -co BLOCKYSIZE=16 -scale 0 12.25 0 49 -a_nodata 65535
t -ot Byte grid.asc u8_lzw.tif -co COMPRESS=LZW -scale 0 12.25 0 49 -a_nodata 255
gdalwarp -q -overwrite -t_srs EPSG:3857 f32_strips.tif mercator.tif
rm -f grid.asc grid.prj *.aux.xml
