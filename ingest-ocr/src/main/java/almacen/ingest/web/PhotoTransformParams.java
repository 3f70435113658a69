package almacen.ingest.web;

import almacen.ingest.ocr.PhotoTransform;
import almacen.support.web.ApiException;
import java.util.regex.Pattern;

/**
 * The {@code rotate} and {@code crop} parameters of an invoice upload: {@code rotate} 0, 90, 180 or
 * 270 (degrees clockwise); {@code crop} {@code left,top,width,height} as fractions of the turned
 * photo (e.g. {@code 0.1,0.05,0.8,0.9}), inside it and keeping at least 5 % of each side. Absent or
 * empty: none. Anything else → 400 {@code INVALID_ROTATION} / {@code INVALID_CROP} naming the
 * field, before the upload is read.
 */
final class PhotoTransformParams {

  private static final Pattern FRACTION = Pattern.compile("^(0|1)?(\\.\\d{1,10})?$");
  private static final String CROP_SHAPE =
      "crop must be left,top,width,height as fractions of the photo from 0 to 1 (e.g."
          + " 0.1,0.05,0.8,0.9), inside the photo and keeping at least 5 % of each side";

  private PhotoTransformParams() {}

  static PhotoTransform parse(String rotate, String crop) {
    return new PhotoTransform(rotation(rotate), crop(crop));
  }

  private static int rotation(String rotate) {
    if (rotate == null || rotate.isBlank()) {
      return 0;
    }
    return switch (rotate.strip()) {
      case "0" -> 0;
      case "90" -> 90;
      case "180" -> 180;
      case "270" -> 270;
      default ->
          throw ApiException.badRequest(
              "INVALID_ROTATION", "rotate must be 0, 90, 180 or 270 (degrees clockwise)", "rotate");
    };
  }

  private static PhotoTransform.Crop crop(String crop) {
    if (crop == null || crop.isBlank()) {
      return null;
    }
    String[] parts = crop.strip().split(",", -1);
    if (parts.length != 4) {
      throw invalidCrop();
    }
    double[] values = new double[4];
    for (int i = 0; i < 4; i++) {
      String part = parts[i].strip();
      if (part.isEmpty() || !FRACTION.matcher(part).matches()) {
        throw invalidCrop();
      }
      values[i] = Double.parseDouble(part);
    }
    try {
      return new PhotoTransform.Crop(values[0], values[1], values[2], values[3]);
    } catch (IllegalArgumentException e) {
      throw invalidCrop();
    }
  }

  private static ApiException invalidCrop() {
    return ApiException.badRequest("INVALID_CROP", CROP_SHAPE, "crop");
  }
}
