// Package raster reads single-band GeoTIFF rasters in longitude/latitude
// (EPSG:4326), such as the WorldPop and GHSL population grids, one window at
// a time: only the strips or tiles that cover the window are read and
// decoded, so a county is cut from a country-sized file in bounded memory.
//
// It reads classic TIFF and BigTIFF, in either byte order; strips or tiles;
// no compression, LZW or Deflate, with or without a horizontal or
// floating-point predictor; unsigned and signed integers of 8, 16 and 32 bits
// and floats of 32 and 64 bits; the GDAL nodata tag. The georeference comes
// from ModelTiepoint and ModelPixelScale (no rotation); the GeoKeys must say
// geographic WGS-84 (reproject other grids first, e.g. with gdalwarp -t_srs
// EPSG:4326). Anything else is an error naming the file and the tag.
package raster
