package almacen.ingest.ocr;

import com.ochafik.lang.jnaerator.runtime.NativeSize;
import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.Pointer;
import com.sun.jna.ptr.PointerByReference;
import java.nio.ByteBuffer;
import java.util.List;

/**
 * The Leptonica functions the OCR engine needs, mapped directly. lept4j 1.20's own {@code
 * Leptonica.INSTANCE} looks for "libleptonica.so" and its static initialiser fails on Debian 12,
 * which ships Leptonica 1.82 as "liblept.so.5"; this mapping tries both names (JNA matches the
 * versioned file) and works with plain pointers, so no struct layout is assumed.
 */
interface LeptonicaLib extends Library {

  LeptonicaLib INSTANCE = Loader.load();

  Pointer pixReadMem(ByteBuffer data, NativeSize size);

  Pointer pixConvertTo8(Pointer pix, int cmapflag);

  Pointer pixScale(Pointer pix, float scalex, float scaley);

  Pointer pixBackgroundNorm(
      Pointer pix,
      Pointer pixim,
      Pointer pixg,
      int sx,
      int sy,
      int thresh,
      int mincount,
      int bgval,
      int smoothx,
      int smoothy);

  Pointer pixDeskew(Pointer pix, int redsearch);

  void pixDestroy(PointerByReference ppix);

  int pixGetWidth(Pointer pix);

  int pixGetHeight(Pointer pix);

  int pixGetDepth(Pointer pix);

  /** 32-bit words per image row. */
  int pixGetWpl(Pointer pix);

  /** The image's rows, {@link #pixGetWpl} words each; each word's first pixel in its high byte. */
  Pointer pixGetData(Pointer pix);

  final class Loader {
    private Loader() {}

    static LeptonicaLib load() {
      UnsatisfiedLinkError last = null;
      for (String name : List.of("leptonica", "lept")) {
        try {
          return Native.load(name, LeptonicaLib.class);
        } catch (UnsatisfiedLinkError e) {
          last = e;
        }
      }
      throw last;
    }
  }
}
