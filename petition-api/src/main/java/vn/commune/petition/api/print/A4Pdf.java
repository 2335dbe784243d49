package vn.commune.petition.api.print;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * An A4 page written in HTML made a PDF, with its fonts embedded: DejaVu Sans and DejaVu Serif (the
 * serif stands in for the Times New Roman of Nghị định 30), each drawing every Vietnamese diacritic.
 */
public final class A4Pdf {

    private A4Pdf() {
    }

    /** The PDF of a whole XHTML document (its {@code @page} rule sets the paper). */
    public static byte[] of(String html) {
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PdfRendererBuilder builder = new PdfRendererBuilder();
            builder.useFastMode();
            font(builder, "DejaVuSans.ttf", "DejaVu Sans", 400, PdfRendererBuilder.FontStyle.NORMAL);
            font(builder, "DejaVuSans-Bold.ttf", "DejaVu Sans", 700, PdfRendererBuilder.FontStyle.NORMAL);
            font(builder, "DejaVuSerif.ttf", "DejaVu Serif", 400, PdfRendererBuilder.FontStyle.NORMAL);
            font(builder, "DejaVuSerif-Bold.ttf", "DejaVu Serif", 700, PdfRendererBuilder.FontStyle.NORMAL);
            font(builder, "DejaVuSerif-Italic.ttf", "DejaVu Serif", 400, PdfRendererBuilder.FontStyle.ITALIC);
            builder.withHtmlContent(html, null);
            builder.toStream(out);
            builder.run();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the page as PDF", e);
        }
    }

    /** Text made safe inside HTML, as an element's content or an attribute's value. */
    public static String escape(String text) {
        return text == null ? "" : text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
                .replace("\"", "&quot;");
    }

    private static void font(PdfRendererBuilder builder, String file, String family, int weight,
                             PdfRendererBuilder.FontStyle style) {
        builder.useFont(() -> open("/fonts/" + file), family, weight, style, true);
    }

    private static InputStream open(String name) {
        InputStream in = A4Pdf.class.getResourceAsStream(name);
        if (in == null) {
            throw new IllegalStateException("The font " + name + " is missing");
        }
        return in;
    }
}
