package org.joinedup.forms.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import javax.imageio.ImageIO;
import org.joinedup.forms.Questionnaires;
import org.junit.jupiter.api.Test;

/**
 * A patient's photo is kept only if it is one, the right way up, no bigger than it needs to be, and without what the
 * camera recorded with it; anything else is refused with words a patient can act on.
 */
class PhotoKeeperTest {

    @Test
    void aPhotoTakenHeldSidewaysIsTurnedUprightAndLeavesItsCameraDataBehind() throws IOException {
        BufferedImage stored = new BufferedImage(40, 20, BufferedImage.TYPE_INT_RGB); // as the sensor saw it: red on the left
        for (int x = 0; x < 40; x++) {
            for (int y = 0; y < 20; y++) {
                stored.setRGB(x, y, (x < 20 ? Color.RED : Color.BLUE).getRGB());
            }
        }
        byte[] photo = withExif(jpeg(stored), 6); // orientation 6: to be turned 90 degrees clockwise to be seen

        Questionnaires.Kept kept = PhotoKeeper.keep("IMG_0001.JPG", photo);

        assertThat(kept.problem()).isNull();
        assertThat(kept.photo().contentType()).isEqualTo("image/jpeg");
        assertThat(kept.photo().title()).isEqualTo("IMG_0001.JPG");
        BufferedImage seen = ImageIO.read(new ByteArrayInputStream(kept.photo().data()));
        assertThat(seen.getWidth()).isEqualTo(20);
        assertThat(seen.getHeight()).isEqualTo(40);
        assertThat(new Color(seen.getRGB(10, 5)).getRed()).isGreaterThan(200); // the left (red) is now at the top
        assertThat(new Color(seen.getRGB(10, 35)).getBlue()).isGreaterThan(200);
        assertThat(new String(kept.photo().data(), StandardCharsets.ISO_8859_1)).doesNotContain("Exif");
    }

    @Test
    void aLargePhotoIsMadeSmallerAndAPngBecomesAJpeg() throws IOException {
        BufferedImage big = new BufferedImage(4000, 1000, BufferedImage.TYPE_INT_ARGB);
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ImageIO.write(big, "png", png);

        Questionnaires.Kept kept = PhotoKeeper.keep("rash.png", png.toByteArray());

        BufferedImage seen = ImageIO.read(new ByteArrayInputStream(kept.photo().data()));
        assertThat(seen.getWidth()).isEqualTo(PhotoKeeper.LONGEST_SIDE);
        assertThat(seen.getHeight()).isEqualTo(500);
        assertThat(kept.photo().contentType()).isEqualTo("image/jpeg");
    }

    @Test
    void whatIsNotAPhotoIsRefusedWithWordsAPatientCanActOn() {
        assertThat(PhotoKeeper.keep("photo.jpg", "not a photo at all".getBytes(StandardCharsets.UTF_8)).problem())
                .isEqualTo("The selected file must be a JPG or PNG photo");
        assertThat(PhotoKeeper.keep("photo.jpg", new byte[0]).problem()).isEqualTo("The selected file is empty");
        assertThat(PhotoKeeper.keep("photo.jpg", new byte[(int) Questionnaires.MOST_PHOTO_BYTES + 1]).problem())
                .isEqualTo("The selected photo must be smaller than 10MB");
    }

    @Test
    void aPhotoClaimingMillionsOfPixelsIsRefusedBeforeItIsRead() {
        assertThat(PhotoKeeper.keep("huge.png", pngHeader(100_000, 100_000)).problem())
                .isEqualTo("The selected photo has too many pixels: choose one of at most 50 megapixels");
    }

    @Test
    void aFilesNameIsKeptOnlyAsWordsFitToShow() {
        assertThat(PhotoKeeper.title("C:\\Users\\me\\<knee> \"left\".jpg")).isEqualTo("knee left.jpg");
        assertThat(PhotoKeeper.title("../../etc/passwd")).isEqualTo("passwd");
        assertThat(PhotoKeeper.title(null)).isEqualTo("photo");
    }

    private static byte[] jpeg(BufferedImage image) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "jpeg", out);
        return out.toByteArray();
    }

    /** The JPEG with an EXIF block (big-endian TIFF, one IFD entry: orientation) inserted after its start marker. */
    private static byte[] withExif(byte[] jpeg, int orientation) {
        ByteBuffer tiff = ByteBuffer.allocate(26);
        tiff.put("MM".getBytes(StandardCharsets.US_ASCII)).putShort((short) 42).putInt(8); // header, first IFD at 8
        tiff.putShort((short) 1); // one entry
        tiff.putShort((short) 0x0112).putShort((short) 3).putInt(1).putShort((short) orientation).putShort((short) 0);
        tiff.putInt(0); // no next IFD
        byte[] exif = ByteBuffer.allocate(6 + 26).put("Exif\0\0".getBytes(StandardCharsets.US_ASCII)).put(tiff.array()).array();
        ByteBuffer out = ByteBuffer.allocate(jpeg.length + 4 + exif.length);
        out.put(jpeg, 0, 2).put((byte) 0xFF).put((byte) 0xE1).putShort((short) (exif.length + 2)).put(exif).put(jpeg, 2, jpeg.length - 2);
        return out.array();
    }

    /** A PNG's signature and header only, claiming a size. */
    private static byte[] pngHeader(int width, int height) {
        ByteBuffer ihdr = ByteBuffer.allocate(17).put("IHDR".getBytes(StandardCharsets.US_ASCII)).putInt(width).putInt(height)
                .put((byte) 8).put((byte) 2).put((byte) 0).put((byte) 0).put((byte) 0);
        CRC32 crc = new CRC32();
        crc.update(ihdr.array());
        return ByteBuffer.allocate(8 + 4 + 17 + 4).put(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'}).putInt(13).put(ihdr.array())
                .putInt((int) crc.getValue()).array();
    }
}
