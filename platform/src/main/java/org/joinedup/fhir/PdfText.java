package org.joinedup.fhir;

import java.io.IOException;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;

/**
 * The text of a PDF letter or report (Apache PDFBox), for searching. A PDF that cannot be read, is encrypted, or
 * holds only scanned images gives no text: it is still stored and shown, just not found by its words. Only the
 * first pages are read, so one very long document cannot hold up a write.
 */
final class PdfText {

    private static final int PAGES = 50;

    private PdfText() {
    }

    static String of(byte[] pdf) {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            if (document.isEncrypted()) {
                return "";
            }
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setEndPage(PAGES);
            return stripper.getText(document);
        } catch (IOException | RuntimeException e) {
            return "";
        }
    }
}
