package almacen.ingest.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import almacen.ingest.ocr.PhotoTransform;
import almacen.support.web.ApiException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PhotoTransformParamsTest {

  @Test
  void shouldReadTheTurnAndTheCropWhenBothAreGiven() {
    // when
    PhotoTransform transform = PhotoTransformParams.parse("90", " 0.1, 0.05,0.8 ,0.9");

    // then
    assertThat(transform)
        .isEqualTo(new PhotoTransform(90, new PhotoTransform.Crop(0.1, 0.05, 0.8, 0.9)));
  }

  @Test
  void shouldLeaveThePhotoAsItCameWhenNeitherIsGiven() {
    assertThat(PhotoTransformParams.parse(null, "")).isEqualTo(PhotoTransform.NONE);
    assertThat(PhotoTransformParams.parse("0", null).isNone()).isTrue();
  }

  @Test
  void shouldTakeTheWholePhotoWhenTheCropIsZeroZeroOneOne() {
    assertThat(PhotoTransformParams.parse("270", "0,0,1,1").crop())
        .isEqualTo(new PhotoTransform.Crop(0, 0, 1, 1));
  }

  @ParameterizedTest(name = "rotate={0}")
  @CsvSource({"45", "-90", "360", "90.0", "noventa", "'9 0'", "1e2"})
  void shouldAnswer400NamingRotateWhenItIsNotAQuarterTurn(String rotate) {
    assertThatThrownBy(() -> PhotoTransformParams.parse(rotate, null))
        .isInstanceOfSatisfying(
            ApiException.class,
            e -> {
              assertThat(e.status().value()).isEqualTo(400);
              assertThat(e.code()).isEqualTo("INVALID_ROTATION");
              assertThat(e.field()).isEqualTo("rotate");
              assertThat(e.getMessage())
                  .isEqualTo("rotate must be 0, 90, 180 or 270 (degrees clockwise)");
            });
  }

  @ParameterizedTest(name = "crop={0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "0.1,0.1,0.5",
        "0.1,0.1,0.5,0.5,0.5",
        "a,b,c,d",
        "10,5,80,90",
        "0.5,0.5,0.6,0.2",
        "0,0,0.01,1",
        "-0.1,0,0.5,0.5",
        "1e-1,0,0.5,0.5",
        "0,0,,1",
        "0.1;0.1;0.5;0.5",
        "0.00000000001,0,0.5,0.5",
        "NaN,0,0.5,0.5"
      })
  void shouldAnswer400NamingCropWhenItIsNotAPartOfThePhoto(String crop) {
    assertThatThrownBy(() -> PhotoTransformParams.parse(null, crop))
        .isInstanceOfSatisfying(
            ApiException.class,
            e -> {
              assertThat(e.status().value()).isEqualTo(400);
              assertThat(e.code()).isEqualTo("INVALID_CROP");
              assertThat(e.field()).isEqualTo("crop");
              assertThat(e.getMessage()).doesNotContain(crop);
            });
  }
}
