package vn.commune.petition.api.print;

import static vn.commune.petition.api.print.A4Pdf.escape;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import vn.commune.petition.api.commune.CommuneSettings;

/**
 * Thể thức văn bản (Nghị định 30/2020/NĐ-CP, Phụ lục I): the parts every document the commune prints
 * carries around its body. At the top, on the left the issuing body (under the body above it, if
 * any), a short rule and the number and symbol; on the right the national title and the motto,
 * underlined, and below it the place and date in italics; then the kind of document in capitals and
 * its gist. At the bottom, the recipients on the left and the signatory on the right.
 */
@Component
public class OfficialForm {

    /** The style of these parts, for a page that has a style of its own (the period report). */
    public static final String HEADING_STYLE = ""
            + "table.nd30 { width: 100%; border-collapse: collapse; margin: 0; }"
            + "table.nd30 td { border: none; padding: 0; vertical-align: top; text-align: center; }"
            + "td.nd30-left { width: 44%; } td.nd30-right { width: 56%; }"
            + ".nd30-superior { font-size: 10.5pt; } .nd30-body { font-size: 10.5pt; font-weight: bold; }"
            + ".nd30-country { font-size: 10.5pt; font-weight: bold; white-space: nowrap; }"
            + ".nd30-motto { font-size: 11.5pt; font-weight: bold; }"
            + ".nd30-motto span { display: inline-block; border-bottom: 0.7pt solid #000; padding-bottom: 0.5pt; }"
            + ".nd30-rule { width: 30%; margin: 0.8mm auto 1.6mm auto; border-top: 0.7pt solid #000; height: 0; }"
            + ".nd30-number { font-size: 11.5pt; } .nd30-about { font-size: 11pt; margin-top: 1mm; }"
            + "td.nd30-date { font-style: italic; font-size: 12.5pt; padding-top: 3mm; }"
            + ".nd30-kind { text-align: center; font-weight: bold; font-size: 13.5pt; margin: 7mm 0 0 0; }"
            + ".nd30-gist { text-align: center; font-weight: bold; font-size: 12.5pt; margin: 0.5mm 0 1.5mm 0; }"
            + "table.nd30-bottom { margin-top: 6mm; page-break-inside: avoid; }"
            + "table.nd30 td.nd30-recipients { width: 45%; text-align: left; font-size: 10.5pt; }"
            + ".nd30-recipients-label { font-weight: bold; font-style: italic; font-size: 11.5pt; }"
            + "table.nd30 td.nd30-sign { width: 55%; font-weight: bold; font-size: 12.5pt; }"
            + ".nd30-space { height: 22mm; } .nd30-hint { font-weight: normal; font-style: italic; font-size: 10.5pt; }";

    /** The whole style of a printed document: A4 with Nghị định 30's margins, serif type. */
    public static final String DOCUMENT_STYLE = ""
            + "@page { size: A4; margin: 20mm 15mm 20mm 30mm; }"
            + "body { font-family: 'DejaVu Serif', serif; font-size: 12.5pt; line-height: 1.35; color: #000; }"
            + "p { margin: 0 0 2mm 0; text-align: justify; text-indent: 10mm; }"
            + "p.to { text-align: center; text-indent: 0; margin: 4mm 0; }"
            + "p.flat { text-indent: 0; }"
            + HEADING_STYLE;

    private final Issuer issuer;
    private final CommuneSettings communes;
    private final MessageSource messages;

    /** The configured commune's form; {@link #of} and {@link #ofScope} give another commune's. */
    @Autowired
    OfficialForm(CommuneSettings communes, MessageSource messages) {
        this(communes.configured().print(), communes, messages);
    }

    private OfficialForm(Issuer issuer, CommuneSettings communes, MessageSource messages) {
        this.issuer = issuer;
        this.communes = communes;
        this.messages = messages;
    }

    /** The same parts as {@code issuer} prints them: its body, symbol, place and signatory. */
    public OfficialForm of(Issuer issuer) {
        return new OfficialForm(issuer, communes, messages);
    }

    /**
     * The form of the commune this request works for, the signed-in account's; the province's for an
     * account that oversees several (CommuneSettings#issuerOfScope).
     */
    public OfficialForm ofScope() {
        return of(communes.issuerOfScope());
    }

    /**
     * One issue of a document.
     *
     * @param number the number and symbol ("05/TB-UBND"), printed after "Số:"
     * @param date the date it was issued under
     * @param kind the kind in capitals ("THÔNG BÁO"); null for a letter (công văn), whose gist then
     *             goes under its number ("V/v …")
     * @param gist the trích yếu
     * @param recipients the "Nơi nhận", each without its punctuation
     * @param signer who signs; null for the commune's signatory
     * @param counterpart the title of a second signature on the left (the citizen of a biên bản), or null
     */
    public record Issue(String number, LocalDate date, String kind, String gist, List<String> recipients,
                        Signer signer, String counterpart) {
    }

    /** A signature: the line above the title (blank if none), the title, the name. */
    public record Signer(String authority, String title, String name) {
    }

    /** Who issues what this form prints. */
    public Issuer issuer() {
        return issuer;
    }

    /**
     * A number and symbol as Nghị định 30 writes it: a number under 10 with a 0 before it, the kind's
     * abbreviation and the body's ("05/TB-UBND"), or only the body's for a letter ("05/UBND").
     */
    public String number(int number, String kindSymbol) {
        String n = number < 10 ? "0" + number : String.valueOf(number);
        return n + "/" + (kindSymbol == null || kindSymbol.isBlank() ? "" : kindSymbol + "-") + issuer.symbol();
    }

    /** "Tân Lập, ngày 05 tháng 3 năm 2024": days under 10 and the months January and February with a 0 before them. */
    public String placeAndDate(LocalDate date, Locale locale) {
        String day = String.format("%02d", date.getDayOfMonth());
        String month = date.getMonthValue() < 3 ? "0" + date.getMonthValue() : String.valueOf(date.getMonthValue());
        return text("print.placeDate", locale, issuer.place(), day, month, String.valueOf(date.getYear()),
                String.format("%02d", date.getMonthValue()));
    }

    /** The whole document: the top, the body (HTML, already escaped) and the bottom, on A4. */
    public String document(Issue issue, String body, Locale locale) {
        String title = issue.kind() == null ? issue.gist() : issue.kind() + " " + issue.gist();
        return "<!DOCTYPE html>\n<html lang=\"" + language(locale) + "\"><head><meta charset=\"UTF-8\"/><title>"
                + escape(title) + " " + escape(issue.number()) + "</title><style>" + DOCUMENT_STYLE
                + "</style></head><body>" + top(issue, locale) + body + bottom(issue, locale) + "</body></html>";
    }

    /** The top of the document: issuing body, number, national title and motto, place and date, kind and gist. */
    public String top(Issue issue, Locale locale) {
        StringBuilder html = new StringBuilder("<table class=\"nd30\"><tr><td class=\"nd30-left\">");
        if (!issuer.superiorBody().isEmpty()) {
            html.append("<div class=\"nd30-superior\">").append(lines(issuer.superiorBody())).append("</div>");
        }
        html.append("<div class=\"nd30-body\">").append(lines(issuer.body())).append("</div>")
                .append("<div class=\"nd30-rule\"></div>")
                .append("<div class=\"nd30-number\">").append(escape(text("print.number", locale, issue.number())))
                .append("</div>");
        if (issue.kind() == null) {
            html.append("<div class=\"nd30-about\">").append(escape(issue.gist())).append("</div>");
        }
        html.append("</td><td class=\"nd30-right\"><div class=\"nd30-country\">")
                .append(escape(text("print.country", locale))).append("</div><div class=\"nd30-motto\"><span>")
                .append(escape(text("print.motto", locale))).append("</span></div></td></tr>")
                .append("<tr><td class=\"nd30-left\"></td><td class=\"nd30-date\">")
                .append(escape(placeAndDate(issue.date(), locale))).append("</td></tr></table>");
        if (issue.kind() != null) {
            html.append("<div class=\"nd30-kind\">").append(escape(issue.kind())).append("</div>")
                    .append("<div class=\"nd30-gist\">").append(escape(issue.gist())).append("</div>")
                    .append("<div class=\"nd30-rule\"></div>");
        }
        return html.toString();
    }

    /** The bottom: the recipients on the left, the signatory on the right (and a counterpart's signature above). */
    public String bottom(Issue issue, Locale locale) {
        Signer signer = issue.signer() != null ? issue.signer()
                : new Signer(issuer.signatory().authority(), issuer.signatory().title(), issuer.signatory().name());
        StringBuilder html = new StringBuilder();
        if (issue.counterpart() != null) {
            html.append("<table class=\"nd30 nd30-bottom\"><tr><td class=\"nd30-sign\">")
                    .append(escape(issue.counterpart())).append("<div class=\"nd30-hint\">")
                    .append(escape(text("print.signHint", locale))).append("</div><div class=\"nd30-space\"></div>")
                    .append("</td>").append(signature(signer)).append("</tr></table>");
        }
        html.append("<table class=\"nd30 nd30-bottom\"><tr><td class=\"nd30-recipients\">")
                .append("<div class=\"nd30-recipients-label\">").append(escape(text("print.recipients", locale)))
                .append("</div>");
        List<String> recipients = issue.recipients();
        for (int i = 0; i < recipients.size(); i++) {
            html.append("<div>- ").append(escape(recipients.get(i))).append(i == recipients.size() - 1 ? "." : ";")
                    .append("</div>");
        }
        html.append("</td>");
        html.append(issue.counterpart() == null ? signature(signer) : "<td class=\"nd30-sign\"></td>");
        return html.append("</tr></table>").toString();
    }

    /**
     * A body's name in the heading, escaped: "ỦY BAN NHÂN DÂN" on a line of its own above the unit it
     * governs ("XÃ TÂN LẬP"), so that the unit's name is never broken across lines.
     */
    private static String lines(String body) {
        String committee = "ỦY BAN NHÂN DÂN ";
        return body.startsWith(committee)
                ? escape(committee.strip()) + "<br/>" + escape(body.substring(committee.length())) : escape(body);
    }

    private static String signature(Signer signer) {
        StringBuilder html = new StringBuilder("<td class=\"nd30-sign\">");
        if (!signer.authority().isBlank()) {
            html.append("<div class=\"nd30-authority\">").append(escape(signer.authority())).append("</div>");
        }
        html.append("<div class=\"nd30-title\">").append(escape(signer.title())).append("</div>")
                .append("<div class=\"nd30-space\"></div>")
                .append("<div class=\"nd30-name\">").append(escape(signer.name())).append("</div>");
        return html.append("</td>").toString();
    }

    /** A text of the message bundles in this language. */
    public String text(String key, Locale locale, Object... arguments) {
        return messages.getMessage(key, arguments, locale);
    }

    private static String language(Locale locale) {
        return "en".equals(locale.getLanguage()) ? "en" : "vi";
    }
}
