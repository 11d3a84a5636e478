package org.joinedup.forms.internal;

import com.drew.imaging.ImageMetadataReader;
import com.drew.metadata.Metadata;
import com.drew.metadata.exif.ExifIFD0Directory;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Iterator;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.ImageOutputStream;
import org.joinedup.forms.Answers;
import org.joinedup.forms.Questionnaires;

/**
 * A patient's photo made fit to keep: only a real JPEG or PNG (read as one, whatever its name says) of at most
 * 10 MB and 50 megapixels; turned the way its camera said it was held; shrunk to at most 2000 pixels on its longer
 * side (read subsampled, so a huge photo never fills the memory); and written afresh as a JPEG, which leaves behind
 * everything the camera recorded with it (the place it was taken, the phone).
 */
final class PhotoKeeper {

    static final int LONGEST_SIDE = 2000;
    private static final long MOST_PIXELS = 50_000_000L;

    private PhotoKeeper() {
    }

    static Questionnaires.Kept keep(String filename, byte[] data) {
        if (data.length == 0) {
            return refused("The selected file is empty");
        }
        if (data.length > Questionnaires.MOST_PHOTO_BYTES) {
            return refused("The selected photo must be smaller than 10MB");
        }
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(data))) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            ImageReader reader = readers.hasNext() ? readers.next() : null;
            String format = reader == null ? "" : reader.getFormatName().toLowerCase(java.util.Locale.ROOT);
            if (!format.equals("jpeg") && !format.equals("png")) {
                return refused("The selected file must be a JPG or PNG photo");
            }
            try {
                reader.setInput(in, true, true);
                long width = reader.getWidth(0);
                long height = reader.getHeight(0);
                if (width * height > MOST_PIXELS) {
                    return refused("The selected photo has too many pixels: choose one of at most 50 megapixels");
                }
                ImageReadParam param = reader.getDefaultReadParam();
                int step = (int) Math.max(1, Math.max(width, height) / LONGEST_SIDE);
                param.setSourceSubsampling(step, step, 0, 0);
                BufferedImage read = reader.read(0, param);
                BufferedImage upright = upright(scaled(read), orientation(data));
                return new Questionnaires.Kept(new Answers.Attachment(title(filename), "image/jpeg", jpeg(upright)), null);
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            return refused("The selected photo could not be read: choose another JPG or PNG photo");
        }
    }

    private static Questionnaires.Kept refused(String why) {
        return new Questionnaires.Kept(null, why);
    }

    /** A name fit to show: the file's own name without any folder, at most 80 characters of letters, digits, spaces, dots, dashes. */
    static String title(String filename) {
        String name = filename == null ? "" : filename.replaceAll(".*[/\\\\]", "").replaceAll("[^\\p{L}\\p{N} ._-]", "").strip();
        name = name.isEmpty() ? "photo" : name;
        return name.length() > 80 ? name.substring(0, 80) : name;
    }

    /** The EXIF orientation (1 to 8; 1 when there is none). */
    private static int orientation(byte[] data) {
        try {
            Metadata metadata = ImageMetadataReader.readMetadata(new ByteArrayInputStream(data));
            ExifIFD0Directory exif = metadata.getFirstDirectoryOfType(ExifIFD0Directory.class);
            return exif != null && exif.containsTag(ExifIFD0Directory.TAG_ORIENTATION) ? exif.getInt(ExifIFD0Directory.TAG_ORIENTATION) : 1;
        } catch (Exception e) {
            return 1;
        }
    }

    private static BufferedImage scaled(BufferedImage image) {
        int longest = Math.max(image.getWidth(), image.getHeight());
        double factor = longest > LONGEST_SIDE ? (double) LONGEST_SIDE / longest : 1;
        int width = Math.max(1, (int) Math.round(image.getWidth() * factor));
        int height = Math.max(1, (int) Math.round(image.getHeight() * factor));
        BufferedImage rgb = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = rgb.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.setColor(java.awt.Color.WHITE); // a transparent PNG on white, as JPEG has no transparency
        g.fillRect(0, 0, width, height);
        g.drawImage(image, 0, 0, width, height, null);
        g.dispose();
        return rgb;
    }

    /** The image turned as EXIF orientation 2 to 8 asks (mirrored and/or rotated). */
    static BufferedImage upright(BufferedImage image, int orientation) {
        if (orientation < 2 || orientation > 8) {
            return image;
        }
        int w = image.getWidth();
        int h = image.getHeight();
        boolean swap = orientation >= 5;
        AffineTransform t = new AffineTransform();
        switch (orientation) {
            case 2 -> { t.translate(w, 0); t.scale(-1, 1); }
            case 3 -> { t.translate(w, h); t.rotate(Math.PI); }
            case 4 -> { t.translate(0, h); t.scale(1, -1); }
            case 5 -> { t.rotate(-Math.PI / 2); t.scale(-1, 1); }
            case 6 -> { t.translate(h, 0); t.rotate(Math.PI / 2); }
            case 7 -> { t.scale(-1, 1); t.translate(-h, 0); t.translate(0, w); t.rotate(3 * Math.PI / 2); }
            default -> { t.translate(0, w); t.rotate(3 * Math.PI / 2); }
        }
        BufferedImage turned = new BufferedImage(swap ? h : w, swap ? w : h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = turned.createGraphics();
        g.drawImage(image, t, null);
        g.dispose();
        return turned;
    }

    private static byte[] jpeg(BufferedImage image) throws IOException {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ImageOutputStream stream = ImageIO.createImageOutputStream(out)) {
            writer.setOutput(stream);
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(0.85f);
            writer.write(null, new IIOImage(image, null, null), param);
        } finally {
            writer.dispose();
        }
        return out.toByteArray();
    }
}
